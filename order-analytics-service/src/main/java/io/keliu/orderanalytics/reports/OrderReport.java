package io.keliu.orderanalytics.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report of order measures per bucket and group (docs/order-analytics.md defines every number).
 *
 * @param asOf          when the report was made: buckets starting later have not begun
 * @param runningBucket the start of the bucket still running at {@code asOf} (its measures are so far), null when
 *                      the range holds none
 * @param comparedWith  the same report over the compared period, when asked for
 */
public record OrderReport(String zone, String granularity, String from, String to, String groupBy, String asOf,
                          String runningBucket, List<Series> series, Compared comparedWith) {

    /** @param total the measures of the group over the whole range (its start is the first bucket's) */
    public record Series(String group, Point total, List<Point> points) {
    }

    public record Compared(String compare, String from, String to, List<Series> series) {
    }

    /** Rates and the average are null when the bucket has no orders; latencies when no order was paid. */
    public record Point(String start, long orders, long lines, long units, BigDecimal grossRevenue,
                        BigDecimal refunds, BigDecimal netRevenue, BigDecimal averageOrderValue,
                        long cancelledOrders, Double cancellationRate, long refundedOrders, Double refundRate,
                        Double paymentLatencyP50Seconds, Double paymentLatencyP90Seconds) {
    }
}
