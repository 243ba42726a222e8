package io.keliu.orderanalytics.rollups;

import io.keliu.orderanalytics.rollups.RollupKey.Resolution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** Adds deltas to the hourly and daily rollup tables: one statement per table and batch, its rows as arrays. */
@Repository
public class RollupStore {
    /** Most changes move no payment latency: merging an empty histogram is costly in SQL and changes nothing. */
    private static final String ADD = """
            INSERT INTO %1$s AS r (dimension, %2$s, member, orders, lines, units, gross_revenue, refunds,
                                   cancelled_orders, refunded_orders, latency)
            SELECT d, b::%3$s, m, o, l, u, g::numeric, f::numeric, c, x, h::jsonb
            FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[],
                        ?::text[], ?::bigint[], ?::bigint[], ?::text[]) AS t(d, b, m, o, l, u, g, f, c, x, h)
            ON CONFLICT (dimension, %2$s, member) DO UPDATE SET orders = r.orders + excluded.orders,
                lines = r.lines + excluded.lines, units = r.units + excluded.units,
                gross_revenue = r.gross_revenue + excluded.gross_revenue, refunds = r.refunds + excluded.refunds,
                cancelled_orders = r.cancelled_orders + excluded.cancelled_orders,
                refunded_orders = r.refunded_orders + excluded.refunded_orders,
                latency = CASE excluded.latency WHEN '{}'::jsonb THEN r.latency
                               ELSE add_counts(r.latency, excluded.latency) END""";
    private static final String ADD_HOUR = ADD.formatted("order_rollup_hour", "bucket_start", "timestamptz");
    private static final String ADD_DAY = ADD.formatted("order_rollup_day", "day", "date");

    private final JdbcTemplate jdbc;

    public RollupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds each delta to its row (rows are written in key order, see {@link RollupKey}). */
    public void add(Map<RollupKey, Measures> deltas) {
        List<Map.Entry<RollupKey, Measures>> hours = deltas.entrySet().stream()
                .filter(entry -> entry.getKey().resolution() == Resolution.HOUR).toList();
        List<Map.Entry<RollupKey, Measures>> days = deltas.entrySet().stream()
                .filter(entry -> entry.getKey().resolution() == Resolution.DAY).toList();
        add(ADD_HOUR, hours, bucket -> Instant.ofEpochSecond(bucket).toString());
        add(ADD_DAY, days, bucket -> LocalDate.ofEpochDay(bucket).toString());
    }

    /** Timestamps and dates go as ISO-8601 text, numbers as decimal text: exact whatever the session's zone. */
    private void add(String sql, List<Map.Entry<RollupKey, Measures>> rows, LongFunction<String> bucket) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(sql, (PreparedStatement statement) -> {
            statement.setObject(1, texts(rows, row -> row.getKey().dimension().parameter()));
            statement.setObject(2, texts(rows, row -> bucket.apply(row.getKey().bucket())));
            statement.setObject(3, texts(rows, row -> row.getKey().member()));
            statement.setObject(4, longs(rows, Measures::orders));
            statement.setObject(5, longs(rows, Measures::lines));
            statement.setObject(6, longs(rows, Measures::units));
            statement.setObject(7, texts(rows, row -> row.getValue().grossRevenue().toPlainString()));
            statement.setObject(8, texts(rows, row -> row.getValue().refunds().toPlainString()));
            statement.setObject(9, longs(rows, Measures::cancelledOrders));
            statement.setObject(10, longs(rows, Measures::refundedOrders));
            statement.setObject(11, texts(rows, row -> row.getValue().latency().toJson()));
        });
    }

    private static String[] texts(List<Map.Entry<RollupKey, Measures>> rows,
                                  Function<Map.Entry<RollupKey, Measures>, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static Long[] longs(List<Map.Entry<RollupKey, Measures>> rows, ToLongFunction<Measures> value) {
        return rows.stream().map(row -> value.applyAsLong(row.getValue())).toArray(Long[]::new);
    }
}
