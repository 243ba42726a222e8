-- Security-relevant actions: who did what, when, from where.
create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null,
    actor       text        not null,
    remote_addr text,
    action      text        not null,
    detail      text        not null
);
create index audit_log_at on audit_log (at desc);
