package io.keliu.orderanalytics.rollups;

import io.keliu.orderanalytics.rollups.RollupKey.Resolution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Adds deltas to the hourly and daily rollup tables. */
@Repository
public class RollupStore {
    private static final String MEASURES = "orders, lines, units, gross_revenue, refunds, cancelled_orders,"
            + " refunded_orders, latency";
    private static final String ADD = " ON CONFLICT (%s) DO UPDATE SET orders = r.orders + excluded.orders,"
            + " lines = r.lines + excluded.lines, units = r.units + excluded.units,"
            + " gross_revenue = r.gross_revenue + excluded.gross_revenue, refunds = r.refunds + excluded.refunds,"
            + " cancelled_orders = r.cancelled_orders + excluded.cancelled_orders,"
            + " refunded_orders = r.refunded_orders + excluded.refunded_orders,"
            // most changes move no payment latency: merging an empty histogram is costly in SQL and changes nothing
            + " latency = CASE excluded.latency WHEN '{}'::jsonb THEN r.latency"
            + " ELSE add_counts(r.latency, excluded.latency) END";
    private static final String ADD_HOUR = "INSERT INTO order_rollup_hour AS r (dimension, bucket_start, member, "
            + MEASURES + ") VALUES (?,?,?,?,?,?,?,?,?,?,?::jsonb)" + ADD.formatted("dimension, bucket_start, member");
    private static final String ADD_DAY = "INSERT INTO order_rollup_day AS r (dimension, day, member, "
            + MEASURES + ") VALUES (?,?,?,?,?,?,?,?,?,?,?::jsonb)" + ADD.formatted("dimension, day, member");

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
        jdbc.batchUpdate(ADD_HOUR, hours, 1000, (statement, entry) -> {
            bindKey(statement, entry.getKey());
            statement.setTimestamp(2, Timestamp.from(Instant.ofEpochSecond(entry.getKey().bucket())));
            bindMeasures(statement, entry.getValue());
        });
        jdbc.batchUpdate(ADD_DAY, days, 1000, (statement, entry) -> {
            bindKey(statement, entry.getKey());
            statement.setDate(2, Date.valueOf(LocalDate.ofEpochDay(entry.getKey().bucket())));
            bindMeasures(statement, entry.getValue());
        });
    }

    private static void bindKey(PreparedStatement statement, RollupKey key) throws SQLException {
        statement.setString(1, key.dimension().parameter());
        statement.setString(3, key.member());
    }

    private static void bindMeasures(PreparedStatement statement, Measures measures) throws SQLException {
        statement.setLong(4, measures.orders());
        statement.setLong(5, measures.lines());
        statement.setLong(6, measures.units());
        statement.setBigDecimal(7, measures.grossRevenue());
        statement.setBigDecimal(8, measures.refunds());
        statement.setLong(9, measures.cancelledOrders());
        statement.setLong(10, measures.refundedOrders());
        statement.setString(11, measures.latency().toJson());
    }
}
