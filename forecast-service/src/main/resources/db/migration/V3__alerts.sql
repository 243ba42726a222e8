-- The anomaly alert currently firing for a series, if any (one row per series; removed when it resolves).
CREATE TABLE open_alerts (
    series     text             PRIMARY KEY,
    dedupe_key text             NOT NULL,
    started_at timestamptz      NOT NULL,
    severity   text             NOT NULL,
    observed   double precision NOT NULL
);
