package io.keliu.forecast.traffic;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one order adds to its buckets (docs/traffic.md): nothing unless it has a counted line; then one order, its
 * counted lines and their amounts. The order's time, customer and dimensions are those of its first counted line (by
 * created_at, then line key), so that lines disagreeing on them still put the order in exactly one bucket.
 */
public record OrderTraffic(String orderId, Instant createdAt, String userId, String province, String city,
                           String country, String channel, String orderType, int lines, BigDecimal revenue) {

    private static final Comparator<StoredLine> FIRST =
            Comparator.comparing(StoredLine::createdAt).thenComparing(StoredLine::lineKey);

    public static Optional<OrderTraffic> of(Collection<StoredLine> orderLines) {
        List<StoredLine> counted = orderLines.stream().filter(StoredLine::counted).toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        StoredLine first = counted.stream().min(FIRST).orElseThrow();
        BigDecimal revenue = counted.stream().map(StoredLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new OrderTraffic(first.orderId(), first.createdAt(), first.userId(), first.province(),
                first.city(), first.country(), first.channel(), first.orderType(), counted.size(), revenue));
    }

    public boolean anonymous() {
        return userId == null;
    }
}
