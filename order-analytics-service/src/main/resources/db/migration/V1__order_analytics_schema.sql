-- The current lines of every order, as the change events of keliu.orders.v1 left them: the rollups below always equal
-- what these orders add up to (docs/order-analytics.md).
CREATE TABLE order_lines (
    order_id     text        NOT NULL,
    line_key     text        NOT NULL,
    user_id      text,
    created_at   timestamptz NOT NULL,
    paid_at      timestamptz,
    product_id   text        NOT NULL,
    category     text,
    quantity     integer     NOT NULL,
    unit_price   numeric,
    amount       numeric     NOT NULL,
    province     text,
    city         text,
    country      text,
    order_type   text,
    channel      text,
    status       text,
    cancelled    boolean     NOT NULL,
    updated_at   timestamptz,
    PRIMARY KEY (order_id, line_key)
);
CREATE INDEX order_lines_created ON order_lines (created_at);

-- Adds two payment-latency histograms (bucket key -> count), dropping buckets that reach zero.
CREATE FUNCTION add_counts(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
FROM (SELECT key, sum(value::bigint) AS total
      FROM (SELECT * FROM jsonb_each_text(a) UNION ALL SELECT * FROM jsonb_each_text(b)) counts
      GROUP BY key
      HAVING sum(value::bigint) <> 0) sums
$$;

-- Rollups per hour and per day (platform zone) and dimension ('all' with member '', channel, orderType, status,
-- province, country, category; product per day only).
CREATE TABLE order_rollup_hour (
    dimension        text        NOT NULL,
    bucket_start     timestamptz NOT NULL,
    member           text        NOT NULL,
    orders           bigint      NOT NULL,
    lines            bigint      NOT NULL,
    units            bigint      NOT NULL,
    gross_revenue    numeric     NOT NULL,
    refunds          numeric     NOT NULL,
    cancelled_orders bigint      NOT NULL,
    refunded_orders  bigint      NOT NULL,
    latency          jsonb       NOT NULL,
    PRIMARY KEY (dimension, bucket_start, member)
);

CREATE TABLE order_rollup_day (
    dimension        text    NOT NULL,
    day              date    NOT NULL,
    member           text    NOT NULL,
    orders           bigint  NOT NULL,
    lines            bigint  NOT NULL,
    units            bigint  NOT NULL,
    gross_revenue    numeric NOT NULL,
    refunds          numeric NOT NULL,
    cancelled_orders bigint  NOT NULL,
    refunded_orders  bigint  NOT NULL,
    latency          jsonb   NOT NULL,
    PRIMARY KEY (dimension, day, member)
);

-- The steps each order reached (created -> paid -> shipped -> completed) and when, from its status history.
CREATE TABLE order_funnel (
    order_id     text        PRIMARY KEY,
    created_at   timestamptz NOT NULL,
    placed       boolean     NOT NULL,
    channel      text        NOT NULL,
    province     text        NOT NULL,
    paid         boolean     NOT NULL,
    paid_at      timestamptz,
    shipped      boolean     NOT NULL,
    shipped_at   timestamptz,
    completed    boolean     NOT NULL,
    completed_at timestamptz
);
CREATE INDEX order_funnel_created ON order_funnel (created_at);

-- Orders of known customers that count for retention: placed and not cancelled.
CREATE TABLE customer_orders (
    user_id    text        NOT NULL,
    order_id   text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, order_id)
);
CREATE INDEX customer_orders_order ON customer_orders (order_id);
