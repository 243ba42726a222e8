package io.keliu.profile.refits;

import java.util.List;

/** One customer's model results of a refit. */
public record CustomerScore(String userId, double expectedPurchases, double probabilityAlive,
                            double expectedAverageValue, double clv, double valueScore, int segmentId,
                            double churnRisk, List<String> churnReasons) {
}
