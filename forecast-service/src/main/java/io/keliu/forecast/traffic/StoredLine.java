package io.keliu.forecast.traffic;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;

/** What the traffic definitions need of an order line (its current version). */
public record StoredLine(String orderId, String lineKey, Instant createdAt, String userId, int quantity,
                         BigDecimal amount, boolean cancelled, String province, String city, String country,
                         String channel, String orderType) {

    /** A line is cancelled when it says so or its status is CANCELLED (a refund is not a cancellation). */
    public static StoredLine of(OrderLine line) {
        return new StoredLine(line.orderId(), line.lineKey(), line.createdAt(),
                line.userId() == null || line.userId().isBlank() ? null : line.userId(), line.quantity(),
                line.amount(), line.cancelled() || line.status() == OrderStatus.CANCELLED, line.province(),
                line.city(), line.country(), line.channel() == null ? null : line.channel().name(),
                line.orderType() == null ? null : line.orderType().name());
    }

    /** Counted as traffic: positive quantity and not cancelled. */
    public boolean counted() {
        return quantity > 0 && !cancelled;
    }
}
