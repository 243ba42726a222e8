-- Customer service interactions from keliu.feedback.v1: the newest version of every case, for the 360° view, the
-- feedback API and the complaint topics (docs/profiles.md, "Interactions").
CREATE TABLE feedback (
    feedback_id text PRIMARY KEY,
    user_id     text,
    order_id    text,
    kind        text        NOT NULL,
    channel     text,
    rating      smallint,
    text        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    status      text        NOT NULL,
    resolved_at timestamptz
);
CREATE INDEX feedback_user ON feedback (user_id, created_at DESC);
CREATE INDEX feedback_created ON feedback (created_at);

-- Complaint topics whose spike alert is firing (docs/profiles.md, "Complaint spikes"), so that it is resolved once.
CREATE TABLE feedback_spikes (
    dedupe_key text PRIMARY KEY,
    starts_at  timestamptz NOT NULL
);
