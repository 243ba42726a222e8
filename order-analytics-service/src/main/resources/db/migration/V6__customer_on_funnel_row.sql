-- An order counts for a customer's retention or not: a property of the order, kept on its funnel row (which every
-- order with lines has) instead of a table of its own whose heap, key and time index each cost a write per order.
-- retention_user_id is the order's customer when the order counts (placed, not cancelled, known customer), else null.
ALTER TABLE order_funnel ADD COLUMN retention_user_id text;
UPDATE order_funnel f SET retention_user_id = c.user_id FROM customer_orders c WHERE c.order_id = f.order_id;
DROP TABLE customer_orders;

-- Rollup rows, order lines and funnel rows are updated in place far more often than they are inserted, never in an
-- indexed column: room left on each page lets PostgreSQL write the new version there without new index entries.
ALTER TABLE order_rollup_hour SET (fillfactor = 80);
ALTER TABLE order_rollup_day SET (fillfactor = 80);
ALTER TABLE order_lines SET (fillfactor = 80);
ALTER TABLE order_funnel SET (fillfactor = 80);
