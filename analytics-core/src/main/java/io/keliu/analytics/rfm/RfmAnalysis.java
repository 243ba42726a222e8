package io.keliu.analytics.rfm;

import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Ranks;

import java.util.ArrayList;
import java.util.List;

/**
 * Recency, frequency and monetary quintile scores. Each score is 1 + ⌊5 × share of customers strictly worse⌋, so
 * customers with equal values share a score; when many customers tie (most buy once), fewer than five distinct
 * frequency scores occur, which is the honest answer rather than an arbitrary split of equals.
 */
public final class RfmAnalysis {

    private static final int QUINTILES = 5;

    private RfmAnalysis() {
    }

    public static List<RfmScore> score(List<CustomerSummary> customers, RfmWeights weights) {
        double[] recentness = customers.stream().mapToDouble(c -> -c.daysSinceLastPurchase()).toArray();
        int[] r = Ranks.quantileScores(recentness, QUINTILES);
        int[] f = Ranks.quantileScores(customers.stream().mapToDouble(CustomerSummary::purchases).toArray(),
                QUINTILES);
        int[] m = Ranks.quantileScores(customers.stream().mapToDouble(CustomerSummary::monetaryValue).toArray(),
                QUINTILES);
        List<RfmScore> scores = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            CustomerSummary customer = customers.get(i);
            scores.add(new RfmScore(customer.customerId(), customer.daysSinceLastPurchase(), customer.purchases(),
                    customer.monetaryValue(), r[i], f[i], m[i], "" + r[i] + f[i] + m[i], RfmSegment.of(r[i], f[i]),
                    weights.score(r[i], f[i], m[i])));
        }
        return scores;
    }
}
