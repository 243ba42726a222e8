-- The projection now replaces a customer's order by its key (user_id, order_id): no query looks orders up by
-- order_id alone any more.
DROP INDEX customer_orders_order;

-- The same sum as V1's add_counts, looking up only the buckets of b (a batch's delta: a few buckets) instead of
-- regrouping every bucket of a (a busy hour's histogram: hundreds).
CREATE OR REPLACE FUNCTION add_counts(a jsonb, b jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT (a || coalesce(jsonb_object_agg(key, total) FILTER (WHERE total <> 0), '{}'::jsonb))
           - coalesce(array_agg(key) FILTER (WHERE total = 0), '{}'::text[])
FROM (SELECT key, coalesce((a ->> key)::bigint, 0) + value::bigint AS total FROM jsonb_each_text(b)) sums
$$;
