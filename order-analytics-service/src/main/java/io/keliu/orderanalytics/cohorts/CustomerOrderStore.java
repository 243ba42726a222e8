package io.keliu.orderanalytics.cohorts;

import io.keliu.orderanalytics.rollups.OrderFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The orders that count for a customer's retention: placed, not cancelled, by a known customer. */
@Repository
public class CustomerOrderStore {
    private final JdbcTemplate jdbc;

    public CustomerOrderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What an order holds in the table: its customer and creation time, or nothing when it does not count. */
    private record Entry(String userId, String orderId, Instant createdAt) {
        static Entry of(OrderFacts order) {
            boolean counts = !order.isEmpty() && order.userId() != null && order.isPlaced() && !order.isCancelled();
            return counts ? new Entry(order.userId(), order.orderId(), order.createdAt()) : null;
        }
    }

    /**
     * Moves each changed order from what it held before the change to what it holds after; an order whose entry the
     * change leaves as it was is not written.
     */
    public void replace(List<OrderFacts> before, List<OrderFacts> after) {
        List<Entry> removed = new ArrayList<>();
        List<Entry> added = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            Entry old = Entry.of(before.get(i));
            Entry now = Entry.of(after.get(i));
            if (!Objects.equals(old, now)) {
                if (old != null) {
                    removed.add(old);
                }
                if (now != null) {
                    added.add(now);
                }
            }
        }
        if (!removed.isEmpty()) {
            jdbc.update("DELETE FROM customer_orders WHERE (user_id, order_id) IN"
                    + " (SELECT * FROM unnest(?::text[], ?::text[]))",
                    removed.stream().map(Entry::userId).toArray(String[]::new),
                    removed.stream().map(Entry::orderId).toArray(String[]::new));
        }
        if (!added.isEmpty()) {
            jdbc.update("INSERT INTO customer_orders (user_id, order_id, created_at)"
                    + " SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[])",
                    added.stream().map(Entry::userId).toArray(String[]::new),
                    added.stream().map(Entry::orderId).toArray(String[]::new),
                    // ISO-8601 instants: exact whatever the session's zone
                    added.stream().map(entry -> entry.createdAt().toString()).toArray(String[]::new));
        }
    }
}
