CREATE TABLE projection_events (event_id uuid PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX projection_events_processed_at ON projection_events USING brin (processed_at);
CREATE TABLE order_lines (
    order_id text NOT NULL, line_key text NOT NULL, user_id text, created_at timestamptz NOT NULL,
    paid_at timestamptz, product_id text NOT NULL, category text, quantity integer NOT NULL, unit_price numeric,
    amount numeric NOT NULL, province text, city text, country text, order_type text, channel text, status text,
    cancelled boolean NOT NULL, updated_at timestamptz, PRIMARY KEY (order_id, line_key));
CREATE INDEX order_lines_created ON order_lines (created_at);
-- bench/projection-floor.sh: per batch of 5,000 events as bench/order-analytics.sh produces them (1,500 orders,
-- 3,750 lines): the events' ids claimed, the orders' stored lines read and locked, the lines written; nothing derived
-- (no rollups, funnel, customers' orders)
CREATE PROCEDURE run(batches int) LANGUAGE plpgsql AS $$
DECLARE n int; ids text[];
BEGIN
  FOR b IN 0..batches - 1 LOOP
    WITH claimed AS (INSERT INTO projection_events (event_id) SELECT gen_random_uuid() FROM generate_series(1, 5000)
                     ON CONFLICT DO NOTHING RETURNING event_id)
    SELECT count(*) INTO n FROM claimed;
    ids := ARRAY(SELECT 'B' || (b * 1500 + o) FROM generate_series(0, 1499) o);
    PERFORM 1 FROM order_lines WHERE order_id = ANY(ids) FOR UPDATE;
    INSERT INTO order_lines SELECT 'B' || (b * 1500 + i * 2 / 5), i::text, 'U' || (i * 7919 % 200000),
           timestamptz '2026-01-01' + (b * 1500 + i * 2 / 5) * interval '30 s', NULL, 'P' || (i % 2000), '数码',
           1 + i % 3, NULL, (i % 300 + 0.5)::numeric, '浙江省', NULL, 'CN', 'WEB', 'APP', 'PENDING_PAYMENT', false, NULL
    FROM generate_series(0, 3749) i
    ON CONFLICT (order_id, line_key) DO UPDATE SET status = excluded.status, paid_at = excluded.paid_at;
    COMMIT;
  END LOOP;
END $$;
