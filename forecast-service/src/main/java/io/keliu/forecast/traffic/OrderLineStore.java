package io.keliu.forecast.traffic;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The current version of each order line, by order. */
@Repository
class OrderLineStore {
    private final JdbcTemplate jdbc;

    OrderLineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored lines of these orders, by order id and line key (orders without lines are absent). */
    Map<String, Map<String, StoredLine>> linesOf(Collection<String> orderIds) {
        Map<String, Map<String, StoredLine>> orders = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT order_id, line_key, created_at, user_id, quantity, amount, cancelled,
                           province, city, country, channel, order_type
                    FROM forecast.order_lines WHERE order_id = ANY (?)""");
            Array ids = connection.createArrayOf("text", orderIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, row -> {
            StoredLine line = new StoredLine(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                    row.getString(4), row.getInt(5), row.getBigDecimal(6), row.getBoolean(7), row.getString(8),
                    row.getString(9), row.getString(10), row.getString(11), row.getString(12));
            orders.computeIfAbsent(line.orderId(), any -> new HashMap<>()).put(line.lineKey(), line);
        });
        return orders;
    }

    void save(Collection<StoredLine> lines) {
        List<Object[]> rows = new ArrayList<>();
        for (StoredLine line : lines) {
            rows.add(new Object[]{line.orderId(), line.lineKey(), Timestamp.from(line.createdAt()), line.userId(),
                    line.quantity(), line.amount(), line.cancelled(), line.province(), line.city(), line.country(),
                    line.channel(), line.orderType()});
        }
        jdbc.batchUpdate("""
                INSERT INTO forecast.order_lines (order_id, line_key, created_at, user_id, quantity, amount, cancelled,
                                                  province, city, country, channel, order_type)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id, line_key) DO UPDATE SET
                    created_at = excluded.created_at, user_id = excluded.user_id, quantity = excluded.quantity,
                    amount = excluded.amount, cancelled = excluded.cancelled, province = excluded.province,
                    city = excluded.city, country = excluded.country, channel = excluded.channel,
                    order_type = excluded.order_type""", rows);
    }

    void delete(Collection<StoredLine> lines) {
        jdbc.batchUpdate("DELETE FROM forecast.order_lines WHERE order_id = ? AND line_key = ?",
                lines.stream().map(line -> new Object[]{line.orderId(), line.lineKey()}).toList());
    }
}
