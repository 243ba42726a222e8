package io.keliu.orderanalytics.rollups;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.orderanalytics.latency.LatencyHistogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What one order is, by the definitions of docs/order-analytics.md: its lines as they stand now, its creation and
 * payment time, whether it was placed, cancelled or refunded, and the measures it adds to a rollup. What the
 * definitions derive from the lines is computed once: the projection asks for it several times per changed order.
 */
public final class OrderFacts {
    public static final String UNKNOWN = "UNKNOWN";
    private static final Comparator<OrderLine> BY_LINE_KEY = Comparator.comparing(OrderLine::lineKey);

    private final String orderId;
    private final List<OrderLine> lines;
    /** Placed (non-negative) lines first, each group by line key: the order in which {@link #first} looks. */
    private final List<OrderLine> placedFirst;
    private final Instant createdAt;
    private final Instant paidAt;
    private final boolean placed;
    private final boolean cancelled;
    private final boolean refunded;

    private OrderFacts(String orderId, List<OrderLine> lines) {
        this.orderId = orderId;
        this.lines = lines;
        List<OrderLine> placedLines = new ArrayList<>(lines.size());
        List<OrderLine> refundLines = new ArrayList<>(0);
        for (OrderLine line : lines) {
            (line.amount().signum() < 0 ? refundLines : placedLines).add(line);
        }
        placedLines.addAll(refundLines);
        this.placedFirst = placedLines;
        this.createdAt = earliest(lines, OrderLine::createdAt);
        this.paidAt = earliest(lines, OrderLine::paidAt);
        this.placed = isPlaced(lines);
        this.cancelled = isCancelled(lines);
        this.refunded = isRefunded(lines);
    }

    public static OrderFacts of(String orderId, Collection<OrderLine> lines) {
        List<OrderLine> sorted = new ArrayList<>(lines);
        sorted.sort(BY_LINE_KEY);
        return new OrderFacts(orderId, List.copyOf(sorted));
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

    public String orderId() {
        return orderId;
    }

    /** The order's current lines, ordered by line key. */
    public List<OrderLine> lines() {
        return lines;
    }

    /** The earliest creation time of its lines (the order is bucketed by it); null for no lines. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The earliest payment time of its lines, or null when unpaid. */
    public Instant paidAt() {
        return paidAt;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Placed: it has a line that is not a negative (refund) line; an order made only of refund lines is not. */
    public boolean isPlaced() {
        return placed;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isRefunded() {
        return refunded;
    }

    /** The known customer, or null for an anonymous order. */
    public String userId() {
        return first(OrderLine::userId);
    }

    /** The customer whose retention this order counts for (placed, not cancelled, known customer), else null. */
    public String retentionUserId() {
        return !isEmpty() && placed && !cancelled ? userId() : null;
    }

    /**
     * The order's status as one word: CANCELLED when cancelled, else REFUNDED when refunded, else the least advanced
     * status of its sale lines (an order is complete when all its lines are).
     */
    public String status() {
        if (cancelled) {
            return OrderStatus.CANCELLED.name();
        }
        if (refunded) {
            return OrderStatus.REFUNDED.name();
        }
        OrderStatus least = null;
        for (OrderLine line : lines) {
            if (isSale(line) && line.status() != null && (least == null || line.status().compareTo(least) < 0)) {
                least = line.status();
            }
        }
        return least == null ? UNKNOWN : least.name();
    }

    /** The value of an order-level dimension: the first line's (by line key) that has one, placed lines first. */
    public String first(Function<OrderLine, ?> dimension) {
        for (OrderLine line : placedFirst) {
            Object value = dimension.apply(line);
            if (value != null) {
                String text = value.toString();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
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
        boolean whole = part == lines;
        boolean partPlaced = whole ? placed : isPlaced(part);
        measures.orders = partPlaced ? 1 : 0;
        measures.cancelledOrders = (whole ? cancelled : partPlaced && isCancelled(part)) ? 1 : 0;
        measures.refundedOrders = (whole ? refunded : isRefunded(part)) ? 1 : 0;
        if (latency && partPlaced && paidAt != null) {
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
        for (OrderLine line : lines) {
            if (line.amount().signum() >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Placed, and every line that is not a refund line is cancelled. */
    private static boolean isCancelled(List<OrderLine> lines) {
        for (OrderLine line : lines) {
            if (line.amount().signum() >= 0 && !isCancelledLine(line)) {
                return false;
            }
        }
        return isPlaced(lines);
    }

    /** It has a refund: a negative line, or a line in status REFUNDED. */
    private static boolean isRefunded(List<OrderLine> lines) {
        for (OrderLine line : lines) {
            if (line.amount().signum() < 0 || line.status() == OrderStatus.REFUNDED) {
                return true;
            }
        }
        return false;
    }
}
