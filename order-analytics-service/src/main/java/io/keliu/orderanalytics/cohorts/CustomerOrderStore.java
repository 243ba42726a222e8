package io.keliu.orderanalytics.cohorts;

import io.keliu.orderanalytics.rollups.OrderFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

/** The orders that count for a customer's retention: placed, not cancelled, by a known customer. */
@Repository
public class CustomerOrderStore {
    private final JdbcTemplate jdbc;

    public CustomerOrderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces what is known of these orders by their state after a change. */
    public void replace(Collection<String> orderIds, Collection<OrderFacts> orders) {
        jdbc.update("DELETE FROM customer_orders WHERE order_id = ANY(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text",
                        orderIds.toArray())));
        List<OrderFacts> counted = orders.stream().filter(CustomerOrderStore::counts).toList();
        jdbc.batchUpdate("INSERT INTO customer_orders (user_id, order_id, created_at) VALUES (?,?,?)", counted, 1000,
                (statement, order) -> {
                    statement.setString(1, order.userId());
                    statement.setString(2, order.orderId());
                    statement.setTimestamp(3, Timestamp.from(order.createdAt()));
                });
    }

    private static boolean counts(OrderFacts order) {
        return !order.isEmpty() && order.userId() != null && order.isPlaced() && !order.isCancelled();
    }
}
