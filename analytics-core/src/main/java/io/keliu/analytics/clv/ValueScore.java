package io.keliu.analytics.clv;

import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Ranks;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The design note's (seed 003) customer value score α·quantity + β·value + γ·loyalty, where quantity is the units
 * bought, value the money spent and loyalty the number of repeat purchase days.
 *
 * <p>The three inputs have unrelated units (items, yuan, days), so each is first turned into its percentile rank among
 * all customers, in [0, 1] (ties share the mean rank). Ranks rather than min–max scaling keep one very large customer
 * from squeezing everybody else towards zero. With weights summing to 1 the score is in [0, 1].
 */
public record ValueScore(double quantityWeight, double valueWeight, double loyaltyWeight) {

    /** The weights of the design note's example. */
    public static final ValueScore DEFAULT = new ValueScore(0.4, 0.3, 0.3);

    public ValueScore {
        if (quantityWeight < 0 || valueWeight < 0 || loyaltyWeight < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
    }

    /** One score per customer, in the order given. */
    public double[] score(List<CustomerSummary> customers) {
        double[] quantity = percentileRanks(customers, CustomerSummary::units);
        double[] value = percentileRanks(customers, CustomerSummary::monetaryValue);
        double[] loyalty = percentileRanks(customers, CustomerSummary::frequency);
        double[] scores = new double[customers.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = quantityWeight * quantity[i] + valueWeight * value[i] + loyaltyWeight * loyalty[i];
        }
        return scores;
    }

    private static double[] percentileRanks(List<CustomerSummary> customers,
            ToDoubleFunction<CustomerSummary> feature) {
        return Ranks.percentileRanks(customers.stream().mapToDouble(feature).toArray());
    }
}
