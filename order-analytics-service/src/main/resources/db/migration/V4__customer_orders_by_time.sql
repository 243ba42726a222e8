-- The overview's active customers count the customers with an order in a range (docs/order-analytics.md, Key figures).
CREATE INDEX customer_orders_created ON customer_orders (created_at);
