package io.keliu.analytics.customers;

import java.time.LocalDate;

/**
 * One valid (not cancelled) line of an order.
 *
 * @param orderId    lines with the same id form one order
 * @param customerId blank for an anonymous order
 * @param day        the order's calendar day in the shop's time zone
 * @param productId  what was bought
 * @param quantity   units
 * @param amount     the line total
 */
public record OrderLine(String orderId, String customerId, LocalDate day, String productId, double quantity,
                        double amount) {

    public boolean isAnonymous() {
        return customerId.isBlank();
    }
}
