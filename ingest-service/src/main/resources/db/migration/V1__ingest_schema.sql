-- The system of record for orders, profiles and logs; owned by ingest-service.
-- version_at / status_rank are derived at ingest and decide which of two versions of a row wins (docs/contracts.md).

CREATE TABLE order_lines (
    order_id          text        NOT NULL,
    line_key          text        NOT NULL,
    user_id           text,
    anonymous         boolean     NOT NULL,
    created_at        timestamptz NOT NULL,
    paid_at           timestamptz,
    product_id        text        NOT NULL,
    category          text,
    quantity          integer     NOT NULL,
    unit_price        numeric(19, 4),
    amount            numeric(19, 4) NOT NULL,
    shipping_address  text,
    province          text,
    city              text,
    country           text,
    order_type        text,
    channel           text,
    status            text,
    cancelled         boolean     NOT NULL,
    remark            text,
    updated_at        timestamptz,
    version_at        timestamptz NOT NULL,
    status_rank       smallint    NOT NULL,
    ingested_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, line_key)
);

CREATE TABLE profiles (
    user_id           text        PRIMARY KEY,
    registered_at     timestamptz,
    activated_at      timestamptz,
    last_login_at     timestamptz,
    age               smallint,
    gender            text,
    marital_status    text,
    occupation        text,
    city              text,
    province          text,
    industry          text,
    updated_at        timestamptz,
    version_at        timestamptz NOT NULL,
    ingested_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE system_logs (
    log_id            text        PRIMARY KEY,
    log_type          text,
    level             text        NOT NULL,
    message           text,
    logged_at         timestamptz NOT NULL,
    source            text,
    ingested_at       timestamptz NOT NULL DEFAULT now()
);

-- Everything ingest could not accept, with the reason: from a topic (source = topic-partition@offset) or an import
-- (source = import id, line = physical line of the file).
CREATE TABLE dead_letters (
    id                bigserial   PRIMARY KEY,
    kind              text        NOT NULL,
    source            text        NOT NULL,
    line              bigint,
    payload           text        NOT NULL,
    reason            text        NOT NULL,
    received_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letters_source ON dead_letters (source);
