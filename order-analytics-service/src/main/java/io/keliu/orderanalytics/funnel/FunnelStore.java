package io.keliu.orderanalytics.funnel;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.orderanalytics.rollups.OrderFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The steps each order reached. A step once reached stays reached (a shipped order that is refunded later was still
 * shipped); its time is the earliest source time ({@code updated_at}) of a version in that step, unknown when the
 * source sent none.
 */
@Repository
public class FunnelStore {
    private static final Set<OrderStatus> PAID = Set.of(OrderStatus.PAID, OrderStatus.PENDING_SHIPMENT,
            OrderStatus.SHIPPED, OrderStatus.COMPLETED);
    private static final Set<OrderStatus> SHIPPED = Set.of(OrderStatus.SHIPPED, OrderStatus.COMPLETED);
    private static final Set<OrderStatus> COMPLETED = Set.of(OrderStatus.COMPLETED);

    private final JdbcTemplate jdbc;

    public FunnelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The step an order reached after a change.
     *
     * @param versions the versions of its lines the change brought, in arrival order
     */
    public record Step(OrderFacts order, List<OrderLine> versions) {
        /**
         * Whether recording this step can change the order's row, which held what {@code before} (the order before
         * the change, no lines for a new order) recorded: the row takes its creation time, placement, channel,
         * province, payment time and retention customer from the order as it stands, and its steps only ever
         * become reached.
         */
        public boolean changes(OrderFacts before) {
            return before.isEmpty() || !Objects.equals(before.createdAt(), order.createdAt())
                    || before.isPlaced() != order.isPlaced() || !Objects.equals(before.paidAt(), order.paidAt())
                    || !Objects.equals(before.first(OrderLine::channel), order.first(OrderLine::channel))
                    || !Objects.equals(before.first(OrderLine::province), order.first(OrderLine::province))
                    || !Objects.equals(before.retentionUserId(), order.retentionUserId())
                    || reached(versions, PAID);
        }
    }

    public void record(Collection<Step> steps) {
        jdbc.batchUpdate("""
                INSERT INTO order_funnel AS f (order_id, created_at, placed, channel, province, paid, paid_at,
                                               shipped, shipped_at, completed, completed_at, retention_user_id)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT (order_id) DO UPDATE SET created_at = excluded.created_at, placed = excluded.placed,
                    channel = excluded.channel, province = excluded.province, paid = f.paid OR excluded.paid,
                    paid_at = coalesce(excluded.paid_at, f.paid_at), shipped = f.shipped OR excluded.shipped,
                    shipped_at = least(f.shipped_at, excluded.shipped_at), completed = f.completed OR excluded.completed,
                    completed_at = least(f.completed_at, excluded.completed_at),
                    retention_user_id = excluded.retention_user_id""",
                steps, 1000, (statement, step) -> {
                    OrderFacts order = step.order();
                    Instant paidAt = order.paidAt();
                    statement.setString(1, order.orderId());
                    statement.setTimestamp(2, Timestamp.from(order.createdAt()));
                    statement.setBoolean(3, order.isPlaced());
                    statement.setString(4, orUnknown(order.first(OrderLine::channel)));
                    statement.setString(5, orUnknown(order.first(OrderLine::province)));
                    statement.setBoolean(6, paidAt != null || reached(step.versions(), PAID));
                    statement.setTimestamp(7, timestamp(paidAt));
                    statement.setBoolean(8, reached(step.versions(), SHIPPED));
                    statement.setTimestamp(9, timestamp(earliest(step.versions(), SHIPPED)));
                    statement.setBoolean(10, reached(step.versions(), COMPLETED));
                    statement.setTimestamp(11, timestamp(earliest(step.versions(), COMPLETED)));
                    statement.setString(12, order.retentionUserId());
                });
    }

    public void delete(Collection<String> orderIds) {
        jdbc.batchUpdate("DELETE FROM order_funnel WHERE order_id = ?", orderIds, 1000,
                (statement, orderId) -> statement.setString(1, orderId));
    }

    private static boolean reached(List<OrderLine> versions, Set<OrderStatus> statuses) {
        return versions.stream().anyMatch(line -> statuses.contains(line.status()));
    }

    private static Instant earliest(List<OrderLine> versions, Set<OrderStatus> statuses) {
        return versions.stream().filter(line -> statuses.contains(line.status())).map(OrderLine::updatedAt)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private static String orUnknown(String value) {
        return value == null ? OrderFacts.UNKNOWN : value;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
