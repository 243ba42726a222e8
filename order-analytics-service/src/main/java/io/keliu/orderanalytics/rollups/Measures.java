package io.keliu.orderanalytics.rollups;

import io.keliu.orderanalytics.latency.LatencyHistogram;

import java.math.BigDecimal;

/**
 * The additive measures of a set of orders (docs/order-analytics.md), mutable so that a batch sums its deltas in
 * place. {@code refunds} is the size of the refunded money, a positive number.
 */
public final class Measures {
    long orders;
    long lines;
    long units;
    BigDecimal grossRevenue = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;
    long cancelledOrders;
    long refundedOrders;
    final LatencyHistogram latency;

    Measures(LatencyHistogram latency) {
        this.latency = latency;
    }

    public static Measures zero() {
        return new Measures(LatencyHistogram.empty());
    }

    public Measures(long orders, long lines, long units, BigDecimal grossRevenue, BigDecimal refunds,
                    long cancelledOrders, long refundedOrders, LatencyHistogram latency) {
        this(latency);
        this.orders = orders;
        this.lines = lines;
        this.units = units;
        this.grossRevenue = grossRevenue;
        this.refunds = refunds;
        this.cancelledOrders = cancelledOrders;
        this.refundedOrders = refundedOrders;
    }

    /** Adds {@code other} times {@code sign} (1 or -1) to this. */
    public Measures add(Measures other, int sign) {
        orders += sign * other.orders;
        lines += sign * other.lines;
        units += sign * other.units;
        grossRevenue = sign > 0 ? grossRevenue.add(other.grossRevenue) : grossRevenue.subtract(other.grossRevenue);
        refunds = sign > 0 ? refunds.add(other.refunds) : refunds.subtract(other.refunds);
        cancelledOrders += sign * other.cancelledOrders;
        refundedOrders += sign * other.refundedOrders;
        latency.add(other.latency, sign);
        return this;
    }

    public boolean isZero() {
        return orders == 0 && lines == 0 && units == 0 && grossRevenue.signum() == 0 && refunds.signum() == 0
                && cancelledOrders == 0 && refundedOrders == 0 && latency.isEmpty();
    }

    public long orders() {
        return orders;
    }

    public long lines() {
        return lines;
    }

    public long units() {
        return units;
    }

    public BigDecimal grossRevenue() {
        return grossRevenue;
    }

    public BigDecimal refunds() {
        return refunds;
    }

    public BigDecimal netRevenue() {
        return grossRevenue.subtract(refunds);
    }

    public long cancelledOrders() {
        return cancelledOrders;
    }

    public long refundedOrders() {
        return refundedOrders;
    }

    public LatencyHistogram latency() {
        return latency;
    }
}
