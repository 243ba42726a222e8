package io.keliu.analytics.customers;

import java.time.LocalDate;

/**
 * What a customer's purchase history up to a calibration end says, in the units the models expect.
 *
 * @param customerId         the customer
 * @param firstPurchase      day of the first purchase occasion (of the first order for a customer without one)
 * @param lastPurchase       day of the last purchase occasion (of the last order for a customer without one)
 * @param purchases          purchase occasions: orders of net value above 0 that no refund took back
 * @param frequency          repeat purchases: distinct purchase days after the first (BG/NBD's x)
 * @param recencyWeeks       weeks from the first to the last purchase (BG/NBD's t_x)
 * @param ageWeeks           weeks from the first purchase to the calibration end (BG/NBD's T)
 * @param daysSinceLastPurchase days from the last purchase to the calibration end (RFM's recency)
 * @param units              items bought, net of cancellations and refunds (never below 0)
 * @param monetaryValue      net spend: purchases less refunds (never below 0)
 * @param meanRepeatSpend    mean spend per repeat purchase day (the Gamma-Gamma model's m_x); 0 without repeats
 */
public record CustomerSummary(String customerId, LocalDate firstPurchase, LocalDate lastPurchase, int purchases,
                              int frequency, double recencyWeeks, double ageWeeks, long daysSinceLastPurchase,
                              double units, double monetaryValue, double meanRepeatSpend) {
}
