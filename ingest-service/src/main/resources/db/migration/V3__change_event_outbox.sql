-- The messages (change events, and dead letters of records from topics) of committed batches that Kafka has not yet
-- acknowledged: written in the batch's own transaction, published after its commit, deleted once acknowledged
-- (docs/contracts.md, "Delivery"). One row per batch, its messages in one value kept uncompressed (STORAGE EXTERNAL):
-- cheaper for PostgreSQL than a row per message, and compressing them again would only cost CPU.
CREATE TABLE outbox (
    batch_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    messages  bytea NOT NULL
);
ALTER TABLE outbox ALTER COLUMN messages SET STORAGE EXTERNAL;
