-- The test projection: net amount and line count per customer, kept by applying before -> after.
CREATE TABLE totals (
    user_id text PRIMARY KEY,
    amount  numeric(19, 4) NOT NULL,
    lines   integer        NOT NULL
);
