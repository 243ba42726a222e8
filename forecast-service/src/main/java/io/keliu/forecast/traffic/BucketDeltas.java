package io.keliu.forecast.traffic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The change a set of orders makes to the buckets: counts per bucket key, and the change of each customer's order
 * count per bucket (customers are distinct, so their count is settled against the stored per-customer counts).
 */
final class BucketDeltas {
    record Key(Granularity granularity, Dimension dimension, String member, Instant bucketStart) {
    }

    record CustomerKey(Key bucket, String userId) {
    }

    static final class Counts {
        long orders;
        long lines;
        long customers;
        long anonymousOrders;
        BigDecimal revenue = BigDecimal.ZERO;

        boolean isZero() {
            return orders == 0 && lines == 0 && customers == 0 && anonymousOrders == 0 && revenue.signum() == 0;
        }
    }

    private final ZoneId zone;
    private final Predicate<Key> kept;
    final Map<Key, Counts> counts = new HashMap<>();
    final Map<CustomerKey, Integer> customerOrders = new HashMap<>();

    BucketDeltas(ZoneId zone, Predicate<Key> kept) {
        this.zone = zone;
        this.kept = kept;
    }

    void add(OrderTraffic order, int sign) {
        ZonedDateTime created = order.createdAt().atZone(zone);
        for (Granularity granularity : Granularity.values()) {
            Instant bucketStart = granularity.bucketOf(created).toInstant();
            for (Dimension dimension : Dimension.values()) {
                if (!dimension.countedAt(granularity)) {
                    continue;
                }
                Key key = new Key(granularity, dimension, dimension.memberOf(order), bucketStart);
                if (kept.test(key)) {
                    Counts bucket = counts.computeIfAbsent(key, any -> new Counts());
                    bucket.orders += sign;
                    bucket.lines += (long) sign * order.lines();
                    bucket.anonymousOrders += order.anonymous() ? sign : 0;
                    bucket.revenue = bucket.revenue.add(sign > 0 ? order.revenue() : order.revenue().negate());
                    if (!order.anonymous()) {
                        customerOrders.merge(new CustomerKey(key, order.userId()), sign, Integer::sum);
                    }
                }
            }
        }
    }

    /** Records that a customer appeared in (+1) or left (-1) a bucket. */
    void customerChange(Key key, int change) {
        counts.computeIfAbsent(key, any -> new Counts()).customers += change;
    }
}
