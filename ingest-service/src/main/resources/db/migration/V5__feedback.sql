-- Customer service interactions (inquiries, feedback, complaints, praise); docs/contracts.md. Keys compare byte by
-- byte, as in the other tables (V2). version_at / status_rank are derived at ingest and decide which of two versions
-- of a case wins. The checks repeat ingest's validation, so that nothing else can store what it rejects.
CREATE TABLE feedback (
    feedback_id   text COLLATE "C" PRIMARY KEY,
    user_id       text COLLATE "C",
    order_id      text COLLATE "C",
    kind          text        NOT NULL,
    channel       text,
    rating        smallint    CHECK (rating BETWEEN 1 AND 5),
    text          text        NOT NULL CHECK (text <> '' AND char_length(text) <= 10000),
    created_at    timestamptz NOT NULL,
    status        text        NOT NULL,
    resolved_at   timestamptz CHECK (resolved_at >= created_at),
    updated_at    timestamptz,
    version_at    timestamptz NOT NULL,
    status_rank   smallint    NOT NULL,
    ingested_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
);
