-- The current version of every order line the service has seen: an order's traffic is a function of its lines
-- (docs/traffic.md), so each change recomputes the order from here and applies the difference to the buckets.
CREATE TABLE order_lines (
    order_id   text          NOT NULL,
    line_key   text          NOT NULL,
    created_at timestamptz   NOT NULL,
    user_id    text,
    quantity   integer       NOT NULL,
    amount     numeric(19,4) NOT NULL,
    cancelled  boolean       NOT NULL,
    province   text,
    city       text,
    country    text,
    channel    text,
    order_type text,
    PRIMARY KEY (order_id, line_key)
);

-- Counts per bucket. dimension is TOTAL (member ''), PROVINCE, CITY, COUNTRY, CHANNEL or ORDER_TYPE; a missing
-- member is ''. granularity is MINUTE, HOUR, DAY, WEEK (from Monday) or MONTH; bucket_start is its start in KELIU_ZONE.
CREATE TABLE traffic (
    granularity      text          NOT NULL,
    dimension        text          NOT NULL,
    member           text          NOT NULL,
    bucket_start     timestamptz   NOT NULL,
    orders           bigint        NOT NULL,
    lines            bigint        NOT NULL,
    customers        bigint        NOT NULL,
    anonymous_orders bigint        NOT NULL,
    revenue          numeric(19,4) NOT NULL,
    PRIMARY KEY (granularity, dimension, bucket_start, member)
);

-- How many counted orders each customer has in a bucket: customers are distinct, so a bucket's customer count
-- changes only when one of these goes from 0 to 1 or back.
CREATE TABLE traffic_customers (
    granularity  text        NOT NULL,
    dimension    text        NOT NULL,
    member       text        NOT NULL,
    bucket_start timestamptz NOT NULL,
    user_id      text        NOT NULL,
    orders       integer     NOT NULL,
    PRIMARY KEY (granularity, dimension, bucket_start, member, user_id)
);
