package io.keliu.analytics.clv;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The design note's (seed 002) example: 1000 revenue and 200 cost a year for 5 years, 5 %, acquisition cost 500. */
class DiscountedCashFlowTest {

    private static final double RATE = 0.05;

    @Test
    void endOfPeriodConventionGivesTheAnnuityValue() {
        double[] revenue = filled(5, 1000);
        double[] cost = filled(5, 200);

        double clv = DiscountedCashFlow.lifetimeValue(revenue, cost, RATE, 500);

        double annuity = 800 * (1 - Math.pow(1 + RATE, -5)) / RATE;
        assertThat(clv).isCloseTo(annuity - 500, within(1e-9)).isCloseTo(2963.58, within(0.01));
    }

    @Test
    void countingFromPeriodZeroAddsAnUndiscountedSixthPayment() {
        double fromZero = DiscountedCashFlow.presentValue(filled(6, 800), RATE, 0) - 500;

        assertThat(fromZero).isCloseTo(3763.58, within(0.01));
    }

    @Test
    void theSeedsClaimedValueMatchesNeitherConvention() {
        double endOfPeriod = DiscountedCashFlow.lifetimeValue(filled(5, 1000), filled(5, 200), RATE, 500);
        double fromZero = DiscountedCashFlow.presentValue(filled(6, 800), RATE, 0) - 500;

        assertThat(endOfPeriod).isNotCloseTo(3487.95, within(1.0));
        assertThat(fromZero).isNotCloseTo(3487.95, within(1.0));
    }

    private static double[] filled(int periods, double value) {
        double[] values = new double[periods];
        Arrays.fill(values, value);
        return values;
    }
}
