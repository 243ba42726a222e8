package io.keliu.analytics.rfm;

/**
 * A customer's RFM scores.
 *
 * @param daysSinceLastPurchase raw recency
 * @param purchases             raw frequency: orders counted
 * @param monetaryValue         raw monetary value: total spend
 * @param r                     1–5, 5 = most recent fifth
 * @param f                     1–5, 5 = most frequent fifth
 * @param m                     1–5, 5 = highest-spending fifth
 * @param cell                  e.g. "545"
 * @param weightedScore         α·R + β·F + γ·M on the scores
 */
public record RfmScore(String customerId, long daysSinceLastPurchase, int purchases, double monetaryValue, int r,
                       int f, int m, String cell, RfmSegment segment, double weightedScore) {
}
