package io.keliu.contracts.v1;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of an order: the unit that sources send, ingest stores and change events carry. Lines with the same
 * {@code orderId} form one order; {@code lineKey} tells the lines of an order apart (the source's line number, or the
 * product id when the source sends none).
 *
 * @param userId    null for an anonymous order (still counted as traffic; {@code anonymous} is then true)
 * @param amount    the line total, exact; negative only on a cancelled or refunded line
 * @param updatedAt when the source last changed the line; it orders versions (the newest wins)
 */
public record OrderLine(
        String orderId,
        String lineKey,
        String userId,
        boolean anonymous,
        Instant createdAt,
        Instant paidAt,
        String productId,
        String category,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        String shippingAddress,
        String province,
        String city,
        String country,
        OrderType orderType,
        Channel channel,
        OrderStatus status,
        boolean cancelled,
        String remark,
        Instant updatedAt) {

    /** True when this line takes back what it would otherwise add (a cancellation or refund). */
    public boolean reversal() {
        return cancelled || (status != null && status.reverses());
    }
}
