-- People who log in, API keys for integrators, and the keys the gateway signs service tokens with.
create table users (
    id            bigserial primary key,
    username      text        not null unique,
    -- Spring Security's delegating encoder: {bcrypt}…
    password_hash text        not null,
    -- comma-separated io.keliu.contracts.v1.Role names
    roles         text        not null,
    enabled       boolean     not null default true,
    failed_logins integer     not null default 0,
    locked_until  timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create table api_keys (
    id           uuid primary key,
    name         text        not null,
    -- SHA-256 of the key (hex): keys are 256 random bits, so a fast hash is safe and lets a request find its key
    key_hash     text        not null unique,
    roles        text        not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create table signing_keys (
    kid        text primary key,
    -- the private EC P-256 key as a JWK (JSON)
    jwk        text        not null,
    created_at timestamptz not null
);
