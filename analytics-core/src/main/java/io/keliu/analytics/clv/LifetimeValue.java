package io.keliu.analytics.clv;

/**
 * Customer lifetime value from a purchase model and a spend model, as the {@code lifetimes} package computes it: the
 * horizon is cut into months, each month's expected purchases (the increase of the conditional expectation) are valued
 * at the expected average spend times the margin, and discounted at a monthly rate.
 *
 * @param purchases          the fitted BG/NBD model (time in weeks)
 * @param spend              the fitted Gamma-Gamma model
 * @param monthlyDiscountRate e.g. 0.01 for 1 % a month (about 12.7 % a year)
 * @param margin             share of spend that is profit; 1 gives revenue value
 */
public record LifetimeValue(BgNbdModel purchases, GammaGammaModel spend, double monthlyDiscountRate, double margin) {

    /** Average weeks in a month (365.25 / 12 / 7). */
    public static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;

    public LifetimeValue {
        if (monthlyDiscountRate < 0 || margin < 0) {
            throw new IllegalArgumentException("discount rate and margin must not be negative");
        }
    }

    /**
     * The discounted value over {@code horizonWeeks}; a last partial month is discounted for its fraction of a month.
     *
     * @param x               repeat purchases in the calibration period
     * @param tx              weeks from first to last purchase
     * @param T               weeks from first purchase to the end of calibration
     * @param meanRepeatSpend mean spend per repeat purchase
     */
    public double of(int x, double tx, double T, double meanRepeatSpend, double horizonWeeks) {
        double valuePerPurchase = margin * spend.expectedAverageSpend(x, meanRepeatSpend);
        double value = 0;
        double previousExpected = 0;
        for (int month = 1; (month - 1) * WEEKS_PER_MONTH < horizonWeeks; month++) {
            double until = Math.min(month * WEEKS_PER_MONTH, horizonWeeks);
            double expected = purchases.conditionalExpectedPurchases(until, x, tx, T);
            double discount = Math.pow(1 + monthlyDiscountRate, until / WEEKS_PER_MONTH);
            value += (expected - previousExpected) * valuePerPurchase / discount;
            previousExpected = expected;
        }
        return value;
    }
}
