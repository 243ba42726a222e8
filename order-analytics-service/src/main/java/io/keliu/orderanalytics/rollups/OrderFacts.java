package io.keliu.orderanalytics.rollups;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.orderanalytics.latency.LatencyHistogram;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one order is, by the definitions of docs/order-analytics.md: its lines as they stand now, its creation and
 * payment time, whether it was placed, cancelled or refunded, and the measures it adds to a rollup.
 *
 * @param lines     the order's current lines, ordered by line key
 * @param createdAt the earliest creation time of its lines (the order is bucketed by it); null for no lines
 * @param paidAt    the earliest payment time of its lines, or null when unpaid
 */
public record OrderFacts(String orderId, List<OrderLine> lines, Instant createdAt, Instant paidAt) {
    public static final String UNKNOWN = "UNKNOWN";
    /** Placed (non-negative) lines first, each group by line key: the order in which {@link #first} looks. */
    private static final Comparator<OrderLine> PLACED_FIRST = Comparator
            .comparing((OrderLine line) -> line.amount().signum() < 0);

    public static OrderFacts of(String orderId, Collection<OrderLine> lines) {
        List<OrderLine> sorted = lines.stream().sorted(Comparator.comparing(OrderLine::lineKey)).toList();
        return new OrderFacts(orderId, sorted, earliest(sorted, OrderLine::createdAt),
                earliest(sorted, OrderLine::paidAt));
    }

    private static Instant earliest(List<OrderLine> lines, Function<OrderLine, Instant> time) {
        Instant earliest = null;
        for (OrderLine line : lines) {
            Instant instant = time.apply(line);
            if (instant != null && (earliest == null || instant.isBefore(earliest))) {
                earliest = instant;
            }
        }
        return earliest;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Placed: it has a line that is not a negative (refund) line; an order made only of refund lines is not. */
    public boolean isPlaced() {
        return isPlaced(lines);
    }

    public boolean isCancelled() {
        return isCancelled(lines);
    }

    public boolean isRefunded() {
        return isRefunded(lines);
    }

    /** The known customer, or null for an anonymous order. */
    public String userId() {
        return first(OrderLine::userId);
    }

    /**
     * The order's status as one word: CANCELLED when cancelled, else REFUNDED when refunded, else the least advanced
     * status of its sale lines (an order is complete when all its lines are).
     */
    public String status() {
        if (isCancelled()) {
            return OrderStatus.CANCELLED.name();
        }
        if (isRefunded()) {
            return OrderStatus.REFUNDED.name();
        }
        return lines.stream().filter(OrderFacts::isSale).map(OrderLine::status).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).map(Enum::name).orElse(UNKNOWN);
    }

    /** The value of an order-level dimension: the first line's (by line key) that has one, placed lines first. */
    public String first(Function<OrderLine, ?> dimension) {
        return lines.stream().sorted(PLACED_FIRST).map(dimension).filter(Objects::nonNull).map(Object::toString)
                .filter(value -> !value.isBlank())
                .findFirst().orElse(null);
    }

    /** The measures of this order, or of the part of it made of {@code part} (lines of one category or product). */
    public Measures measures(List<OrderLine> part) {
        return measures(part, true);
    }

    /** As {@link #measures(List)}, the payment latency left out unless {@code latency}. */
    public Measures measures(List<OrderLine> part, boolean latency) {
        Measures measures = Measures.zero();
        for (OrderLine line : part) {
            if (isSale(line)) {
                measures.lines++;
                measures.units += line.quantity();
                measures.grossRevenue = measures.grossRevenue.add(line.amount());
            } else if (line.amount().signum() < 0) {
                measures.refunds = measures.refunds.add(line.amount().negate());
            }
        }
        boolean placed = isPlaced(part);
        measures.orders = placed ? 1 : 0;
        measures.cancelledOrders = placed && isCancelled(part) ? 1 : 0;
        measures.refundedOrders = isRefunded(part) ? 1 : 0;
        if (latency && placed && paidAt != null) {
            double seconds = Duration.between(createdAt, paidAt).toMillis() / 1000.0;
            measures.latency.add(LatencyHistogram.of(Math.max(0, seconds)), 1);
        }
        return measures;
    }

    /** A sale line adds money and units: neither cancelled nor refunded. */
    public static boolean isSale(OrderLine line) {
        return !line.reversal();
    }

    /** A cancelled line: flagged cancelled or in status CANCELLED. */
    public static boolean isCancelledLine(OrderLine line) {
        return line.cancelled() || line.status() == OrderStatus.CANCELLED;
    }

    private static boolean isPlaced(List<OrderLine> lines) {
        return lines.stream().anyMatch(line -> line.amount().signum() >= 0);
    }

    /** Placed, and every line that is not a refund line is cancelled. */
    private static boolean isCancelled(List<OrderLine> lines) {
        return isPlaced(lines) && lines.stream().filter(line -> line.amount().signum() >= 0)
                .allMatch(OrderFacts::isCancelledLine);
    }

    /** It has a refund: a negative line, or a line in status REFUNDED. */
    private static boolean isRefunded(List<OrderLine> lines) {
        return lines.stream().anyMatch(line -> line.amount().signum() < 0 || line.status() == OrderStatus.REFUNDED);
    }
}
