-- Published reports: the JSON document; HTML and PDF are rendered from it on request.
CREATE TABLE reports (
    id          text        PRIMARY KEY,
    kind        text        NOT NULL,
    period_from timestamptz NOT NULL,
    period_to   timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    body        jsonb       NOT NULL
);
CREATE INDEX reports_created ON reports (created_at DESC);
