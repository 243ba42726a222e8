-- Visits (docs/traffic.md "Visits": log lines that are a page view or an app open) per bucket, in total (dimension
-- TOTAL, member '') and by channel (CHANNEL, member '' when the log names none); granularities as in traffic.
CREATE TABLE visits (
    granularity  text        NOT NULL,
    dimension    text        NOT NULL,
    member       text        NOT NULL,
    bucket_start timestamptz NOT NULL,
    visits       bigint      NOT NULL,
    PRIMARY KEY (granularity, dimension, bucket_start, member)
);
