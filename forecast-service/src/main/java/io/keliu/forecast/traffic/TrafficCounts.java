package io.keliu.forecast.traffic;

import java.math.BigDecimal;

/** The five traffic measures of one bucket (docs/traffic.md). */
public record TrafficCounts(long orders, long lines, long customers, long anonymousOrders, BigDecimal revenue) {
    public static final TrafficCounts ZERO = new TrafficCounts(0, 0, 0, 0, BigDecimal.ZERO);

    /** Sums counts of disjoint buckets; customers summed this way count a customer once per bucket. */
    public TrafficCounts plus(TrafficCounts other) {
        return new TrafficCounts(orders + other.orders, lines + other.lines, customers + other.customers,
                anonymousOrders + other.anonymousOrders, revenue.add(other.revenue));
    }
}
