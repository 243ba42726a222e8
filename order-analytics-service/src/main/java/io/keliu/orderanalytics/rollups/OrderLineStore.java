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
import java.util.function.Function;

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

    /**
     * Inserts or replaces the lines in one statement, their columns as arrays: timestamps as ISO-8601 instants and
     * amounts as decimal text, exact whatever the session's zone.
     */
    public void upsert(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO order_lines (" + COLUMNS + ") SELECT * FROM unnest(?::text[], ?::text[],"
                + " ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::int[], ?::numeric[],"
                + " ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],"
                + " ?::timestamptz[])"
                + " ON CONFLICT (order_id, line_key) DO UPDATE SET user_id = excluded.user_id,"
                + " created_at = excluded.created_at, paid_at = excluded.paid_at, product_id = excluded.product_id,"
                + " category = excluded.category, quantity = excluded.quantity, unit_price = excluded.unit_price,"
                + " amount = excluded.amount, province = excluded.province, city = excluded.city,"
                + " country = excluded.country, order_type = excluded.order_type, channel = excluded.channel,"
                + " status = excluded.status, cancelled = excluded.cancelled, updated_at = excluded.updated_at",
                column(lines, OrderLine::orderId), column(lines, OrderLine::lineKey), column(lines, OrderLine::userId),
                column(lines, OrderLine::createdAt), column(lines, OrderLine::paidAt),
                column(lines, OrderLine::productId), column(lines, OrderLine::category),
                lines.stream().map(OrderLine::quantity).toArray(Integer[]::new),
                column(lines, line -> line.unitPrice() == null ? null : line.unitPrice().toPlainString()),
                column(lines, line -> line.amount().toPlainString()), column(lines, OrderLine::province),
                column(lines, OrderLine::city), column(lines, OrderLine::country),
                column(lines, OrderLine::orderType), column(lines, OrderLine::channel),
                column(lines, OrderLine::status), lines.stream().map(OrderLine::cancelled).toArray(Boolean[]::new),
                column(lines, OrderLine::updatedAt));
    }

    /** One column of the lines as text (an enum by its name), nulls kept. */
    private static String[] column(List<OrderLine> lines, Function<OrderLine, ?> value) {
        return lines.stream().map(value).map(v -> v == null ? null : v instanceof Enum<?> e ? e.name() : v.toString())
                .toArray(String[]::new);
    }

    public void delete(List<OrderLine> lines) {
        jdbc.batchUpdate("DELETE FROM order_lines WHERE order_id = ? AND line_key = ?", lines, 1000,
                (statement, line) -> {
                    statement.setString(1, line.orderId());
                    statement.setString(2, line.lineKey());
                });
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

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

}
