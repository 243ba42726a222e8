package io.keliu.analytics.customers;

import java.time.LocalDate;

/**
 * One purchase of a known customer: an order (all its valid lines), or one transaction line of the CDNOW file.
 *
 * @param units  items bought
 * @param amount money spent
 */
public record Purchase(String customerId, LocalDate day, double units, double amount) {
}
