-- notify-service: subscriptions, silences, the alerts it has seen, Alertmanager-style groups and the outbox.

-- A subscription is one document (recipients, matchers, routing, quiet hours…): read whole, matched in memory.
-- Recipient addresses inside it are encrypted (AES-GCM); only masked forms are ever returned.
create table subscriptions (
    id          uuid primary key,
    spec        jsonb       not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table silences (
    id          uuid primary key,
    matchers    jsonb       not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    comment     text,
    created_by  text,
    created_at  timestamptz not null default now()
);

-- Alerts already taken from keliu.alerts.v1, by publication: a redelivered message changes nothing.
create table processed_alerts (
    alert_id     text        not null,
    status       text        not null,
    processed_at timestamptz not null default now(),
    primary key (alert_id, status)
);

-- The latest state of each condition (dedupe key), for inhibition and for rendering groups.
create table alerts (
    dedupe_key  text primary key,
    alert       jsonb       not null,
    severity    text        not null,
    status      text        not null,
    labels      jsonb       not null,
    updated_at  timestamptz not null
);
create index alerts_firing_critical on alerts (status, severity);

-- One group per subscription and value of its group-by labels (Alertmanager's aggregation group).
create table groups (
    subscription_id uuid        not null,
    group_key       text        not null,
    first_seen_at   timestamptz not null,
    last_flush_at   timestamptz,
    next_flush_at   timestamptz not null,
    primary key (subscription_id, group_key)
);
create index groups_due on groups (next_flush_at);

create table group_alerts (
    subscription_id  uuid        not null,
    group_key        text        not null,
    dedupe_key       text        not null,
    status           text        not null,
    notified_status  text,
    notified_at      timestamptz,
    primary key (subscription_id, group_key, dedupe_key),
    foreign key (subscription_id, group_key) references groups on delete cascade
);

-- The transactional outbox: a notification is committed here before any provider sees it.
create table notifications (
    id                uuid primary key,
    subscription_id   uuid,
    group_key         text,
    channel           text        not null,
    recipient         text        not null, -- encrypted
    recipient_hash    text        not null, -- keyed hash, to find the same recipient without decrypting
    recipient_masked  text        not null,
    alert_ids         text[]      not null,
    dedupe_keys       text[]      not null,
    content           jsonb       not null,
    status            text        not null,
    attempts          int         not null default 0,
    next_attempt_at   timestamptz not null,
    claimed_at        timestamptz,
    created_at        timestamptz not null default now(),
    sent_at           timestamptz,
    provider_id       text,
    provider_answer   text,
    last_error        text,
    merged_into       uuid
);
create index notifications_due on notifications (next_attempt_at) where status = 'PENDING';
create index notifications_log on notifications (created_at);
create index notifications_recipient on notifications (channel, recipient_hash, status);

create table attempts (
    id               bigserial primary key,
    notification_id  uuid        not null references notifications on delete cascade,
    attempt          int         not null,
    started_at       timestamptz not null,
    finished_at      timestamptz not null,
    outcome          text        not null,
    code             text,
    answer           text
);
create index attempts_by_notification on attempts (notification_id);
