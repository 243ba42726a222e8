-- Shipped by the projection module (docs/projections.md); runs in the service's own schema, before its V1.
-- projection_offsets: the next offset to apply per partition, written in the transaction of each batch: the
-- projection's position, so an empty schema means "replay from the beginning".
-- projection_events: ids of applied change events, for a change that was published twice at two offsets.

CREATE TABLE projection_offsets (
    topic       text        NOT NULL,
    partition   integer     NOT NULL,
    next_offset bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);

CREATE TABLE projection_events (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- rows arrive in time order, so a block-range index finds the old ones at a fraction of a b-tree's upkeep
CREATE INDEX projection_events_processed_at ON projection_events USING brin (processed_at);
