package io.keliu.analytics.clv;

/**
 * The textbook lifetime value of a customer with known yearly revenue and cost:
 * CLV = Σ_{t=1..n} (R_t − C_t) / (1 + i)^t − AC.
 *
 * <p>Cash flows arrive at the end of each period (t = 1..n): a customer who brings revenue "for 5 years" brings five
 * payments, the first discounted for one year. Counting from t = 0, as the design note (seed 002) wrote, would add a
 * sixth payment at acquisition. Its worked example (1000 revenue, 200 cost a year for 5 years, 5 %, acquisition
 * cost 500) claims 3,487.95, which matches neither convention: t = 1..5 gives 2,963.58 and t = 0..5 gives 3,763.58.
 */
public final class DiscountedCashFlow {

    private DiscountedCashFlow() {
    }

    /** CLV with end-of-period cash flows: {@code revenue[0]} and {@code cost[0]} belong to period 1. */
    public static double lifetimeValue(double[] revenue, double[] cost, double discountRate, double acquisitionCost) {
        if (revenue.length != cost.length) {
            throw new IllegalArgumentException("revenue and cost need one value per period");
        }
        double[] net = new double[revenue.length];
        for (int t = 0; t < net.length; t++) {
            net[t] = revenue[t] - cost[t];
        }
        return presentValue(net, discountRate, 1) - acquisitionCost;
    }

    /** Σ net[k] / (1 + rate)^(firstPeriod + k): firstPeriod 1 for end-of-period flows, 0 for flows from today. */
    public static double presentValue(double[] net, double discountRate, int firstPeriod) {
        if (discountRate <= -1) {
            throw new IllegalArgumentException("discount rate must be above -100 %");
        }
        double value = 0;
        for (int k = 0; k < net.length; k++) {
            value += net[k] / Math.pow(1 + discountRate, firstPeriod + k);
        }
        return value;
    }
}
