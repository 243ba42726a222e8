-- Log lines counted per minute, hour and day (platform zone) by source, type and level.
CREATE TABLE log_counts (
    granularity  text        NOT NULL,
    bucket_start timestamptz NOT NULL,
    source       text        NOT NULL,
    log_type     text        NOT NULL,
    level        text        NOT NULL,
    lines        bigint      NOT NULL,
    PRIMARY KEY (granularity, bucket_start, source, log_type, level)
);

-- Warnings and errors per day and message template (numbers and ids masked), with the latest message as example.
CREATE TABLE log_templates (
    day      date   NOT NULL,
    template text   NOT NULL,
    level    text   NOT NULL,
    source   text   NOT NULL,
    lines    bigint NOT NULL,
    example  text   NOT NULL,
    PRIMARY KEY (day, template, level, source)
);

-- Error spikes that fired and have not resolved yet, so that a restart still resolves them.
CREATE TABLE log_spikes (
    source    text        PRIMARY KEY,
    starts_at timestamptz NOT NULL
);
