package io.keliu.profile.value;

import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.rfm.RfmSegment;
import io.keliu.analytics.rfm.RfmWeights;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The RFM quintile boundaries of a refit's customers, so that a customer's RFM follows each new order at once:
 * the analytics library scores a value 1 + ⌊5 × share of the refit's customers strictly below it⌋, which is 1 plus the
 * number of boundaries the value exceeds. For a customer whose facts have not changed since the refit this is exactly
 * the library's score.
 *
 * @param recency   boundaries of −(days since the last purchase), scores 2..5
 * @param frequency boundaries of purchase occasions
 * @param monetary  boundaries of net spend
 */
public record RfmThresholds(double[] recency, double[] frequency, double[] monetary) {
    private static final int QUINTILES = 5;

    public static RfmThresholds of(List<CustomerSummary> customers) {
        return new RfmThresholds(boundaries(customers, c -> -c.daysSinceLastPurchase()),
                boundaries(customers, CustomerSummary::purchases), boundaries(customers, CustomerSummary::monetaryValue));
    }

    private static double[] boundaries(List<CustomerSummary> customers, ToDoubleFunction<CustomerSummary> value) {
        double[] sorted = customers.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        double[] bounds = new double[QUINTILES - 1];
        for (int s = 2; s <= QUINTILES; s++) {
            int below = (int) Math.ceil((double) (s - 1) * n / QUINTILES);
            bounds[s - 2] = sorted[below - 1];
        }
        return bounds;
    }

    /** A customer's RFM by these boundaries. */
    public Rfm score(long daysSinceLastPurchase, int purchases, double monetary) {
        int r = score(recency, -daysSinceLastPurchase);
        int f = score(frequency, purchases);
        int m = score(this.monetary, monetary);
        return new Rfm(r, f, m, "" + r + f + m, RfmWeights.DEFAULT.score(r, f, m), RfmSegment.of(r, f));
    }

    private static int score(double[] bounds, double value) {
        return 1 + (int) Arrays.stream(bounds).filter(bound -> value > bound).count();
    }

    /** R, F, M scores (1–5), the cell, the weighted score and the named segment. */
    public record Rfm(int r, int f, int m, String cell, double score, RfmSegment segment) {
    }
}
