package io.keliu.profile.customers;

import java.math.BigDecimal;
import java.time.Instant;

/** An order line as the projection keeps it: the newest version, with what it adds by the netting rule. */
public record StoredLine(String orderId, String userId, Instant createdAt, BigDecimal netAmount, int netQuantity,
                         String category, String channel, String orderType, String shippingAddress, String province,
                         String city) {
}
