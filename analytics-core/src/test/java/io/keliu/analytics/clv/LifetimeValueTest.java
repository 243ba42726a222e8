package io.keliu.analytics.clv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LifetimeValueTest {

    private static final BgNbdModel CDNOW_PURCHASES = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaModel CDNOW_SPEND = new GammaGammaModel(6.25, 3.74, 15.44);

    @Test
    void undiscountedValueIsExpectedPurchasesTimesExpectedSpend() {
        LifetimeValue value = new LifetimeValue(CDNOW_PURCHASES, CDNOW_SPEND, 0, 1);

        double expected = CDNOW_PURCHASES.conditionalExpectedPurchases(39, 2, 30.43, 38.86)
                * CDNOW_SPEND.expectedAverageSpend(2, 22.35);

        assertThat(value.of(2, 30.43, 38.86, 22.35, 39)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void discountingAndMarginLowerTheValue() {
        double undiscounted = new LifetimeValue(CDNOW_PURCHASES, CDNOW_SPEND, 0, 1).of(2, 30.43, 38.86, 22.35, 52);
        double discounted = new LifetimeValue(CDNOW_PURCHASES, CDNOW_SPEND, 0.01, 1).of(2, 30.43, 38.86, 22.35, 52);
        double withMargin = new LifetimeValue(CDNOW_PURCHASES, CDNOW_SPEND, 0.01, 0.3).of(2, 30.43, 38.86, 22.35, 52);

        assertThat(discounted).isLessThan(undiscounted).isGreaterThan(undiscounted / 1.01 / 1.01 / 1.01 / 1.13);
        assertThat(withMargin).isCloseTo(0.3 * discounted, within(1e-9));
    }

    @Test
    void aCustomerWhoLooksGoneIsWorthLessThanAnActiveOne() {
        LifetimeValue value = new LifetimeValue(CDNOW_PURCHASES, CDNOW_SPEND, 0.01, 1);

        assertThat(value.of(5, 5, 38, 20, 52)).isLessThan(value.of(5, 37, 38, 20, 52));
    }

    @Test
    void gammaGammaShrinksTowardsThePopulationMean() {
        double population = CDNOW_SPEND.populationMeanSpend();

        assertThat(CDNOW_SPEND.expectedAverageSpend(0, 0)).isEqualTo(population);
        assertThat(CDNOW_SPEND.expectedAverageSpend(1, 100)).isBetween(population, 100.0);
        assertThat(CDNOW_SPEND.expectedAverageSpend(20, 100)).isGreaterThan(CDNOW_SPEND.expectedAverageSpend(1, 100));
    }

    @Test
    void expectedPurchasesGrowWithTheHorizonAndStartAtZero() {
        assertThat(CDNOW_PURCHASES.expectedPurchases(0)).isCloseTo(0, within(1e-12));
        assertThat(CDNOW_PURCHASES.expectedPurchases(78)).isGreaterThan(CDNOW_PURCHASES.expectedPurchases(39));
    }
}
