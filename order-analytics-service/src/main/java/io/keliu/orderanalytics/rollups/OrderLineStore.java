package io.keliu.orderanalytics.rollups;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The current lines of the orders, the state the order projection applies changes to. */
@Repository
public class OrderLineStore {
    private static final String COLUMNS = "order_id, line_key, user_id, created_at, paid_at, product_id, category,"
            + " quantity, unit_price, amount, province, city, country, order_type, channel, status, cancelled,"
            + " updated_at";

    private final JdbcTemplate jdbc;

    public OrderLineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines of these orders by order id and line key, locked until the transaction ends. */
    public Map<String, Map<String, OrderLine>> load(Collection<String> orderIds) {
        Map<String, Map<String, OrderLine>> orders = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM order_lines WHERE order_id = ANY(?) ORDER BY order_id, line_key"
                        + " FOR UPDATE",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text",
                        orderIds.toArray())),
                (ResultSet row) -> {
                    OrderLine line = line(row);
                    orders.computeIfAbsent(line.orderId(), id -> new LinkedHashMap<>()).put(line.lineKey(), line);
                });
        return orders;
    }

    /** The orders with a line created in [from, to), each with all its lines (read only). */
    public List<OrderFacts> ordersWithLinesCreated(Instant from, Instant to) {
        Map<String, List<OrderLine>> orders = new LinkedHashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM order_lines WHERE order_id IN (SELECT order_id FROM order_lines"
                        + " WHERE created_at >= ? AND created_at < ?) ORDER BY order_id, line_key",
                (ResultSet row) -> {
                    OrderLine line = line(row);
                    orders.computeIfAbsent(line.orderId(), id -> new ArrayList<>()).add(line);
                }, Timestamp.from(from), Timestamp.from(to));
        return orders.entrySet().stream().map(order -> OrderFacts.of(order.getKey(), order.getValue())).toList();
    }

    /**
     * Hands every line of the orders created since {@code from} to {@code consumer}, an order's lines together, read
     * with a cursor so that a million orders need not fit in memory at once.
     */
    @Transactional(readOnly = true)
    public void forEachCreatedSince(Instant from, Consumer<OrderLine> consumer) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM order_lines"
                    + " WHERE created_at >= ? ORDER BY order_id, line_key");
            statement.setFetchSize(10_000);
            statement.setTimestamp(1, Timestamp.from(from));
            return statement;
        }, (ResultSet row) -> {
            consumer.accept(line(row));
        });
    }

    public void upsert(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO order_lines (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (order_id, line_key) DO UPDATE SET user_id = excluded.user_id,"
                + " created_at = excluded.created_at, paid_at = excluded.paid_at, product_id = excluded.product_id,"
                + " category = excluded.category, quantity = excluded.quantity, unit_price = excluded.unit_price,"
                + " amount = excluded.amount, province = excluded.province, city = excluded.city,"
                + " country = excluded.country, order_type = excluded.order_type, channel = excluded.channel,"
                + " status = excluded.status, cancelled = excluded.cancelled, updated_at = excluded.updated_at",
                lines, 1000, OrderLineStore::bind);
    }

    public void delete(List<OrderLine> lines) {
        jdbc.batchUpdate("DELETE FROM order_lines WHERE order_id = ? AND line_key = ?", lines, 1000,
                (statement, line) -> {
                    statement.setString(1, line.orderId());
                    statement.setString(2, line.lineKey());
                });
    }

    private static void bind(PreparedStatement statement, OrderLine line) throws SQLException {
        statement.setString(1, line.orderId());
        statement.setString(2, line.lineKey());
        statement.setString(3, line.userId());
        statement.setTimestamp(4, Timestamp.from(line.createdAt()));
        statement.setTimestamp(5, timestamp(line.paidAt()));
        statement.setString(6, line.productId());
        statement.setString(7, line.category());
        statement.setInt(8, line.quantity());
        statement.setBigDecimal(9, line.unitPrice());
        statement.setBigDecimal(10, line.amount());
        statement.setString(11, line.province());
        statement.setString(12, line.city());
        statement.setString(13, line.country());
        statement.setString(14, name(line.orderType()));
        statement.setString(15, name(line.channel()));
        statement.setString(16, name(line.status()));
        statement.setBoolean(17, line.cancelled());
        statement.setTimestamp(18, timestamp(line.updatedAt()));
    }

    private static OrderLine line(ResultSet row) throws SQLException {
        String userId = row.getString("user_id");
        return new OrderLine(row.getString("order_id"), row.getString("line_key"), userId, userId == null,
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("paid_at")),
                row.getString("product_id"), row.getString("category"), row.getInt("quantity"),
                row.getBigDecimal("unit_price"), row.getBigDecimal("amount"), null, row.getString("province"),
                row.getString("city"), row.getString("country"),
                enumOf(OrderType.class, row.getString("order_type")), enumOf(Channel.class, row.getString("channel")),
                enumOf(OrderStatus.class, row.getString("status")), row.getBoolean("cancelled"), null,
                instant(row.getTimestamp("updated_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

}
