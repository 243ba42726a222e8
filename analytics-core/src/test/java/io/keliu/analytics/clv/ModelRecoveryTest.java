package io.keliu.analytics.clv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/** The fits recover the parameters of data simulated from the models themselves. */
class ModelRecoveryTest {

    private static final BgNbdModel TRUE_PURCHASES = new BgNbdModel(0.5, 6.0, 1.2, 3.0);
    private static final GammaGammaModel TRUE_SPEND = new GammaGammaModel(6.0, 4.0, 15.0);
    private static final SimulatedCustomers CUSTOMERS =
            SimulatedCustomers.draw(50_000, TRUE_PURCHASES, TRUE_SPEND, 20_260_101L);

    @Test
    void bgNbdRecoversSimulatedParameters() {
        BgNbdModel fitted = BgNbdModel.fit(CUSTOMERS.histories()).model();

        assertThat(fitted.r()).isCloseTo(TRUE_PURCHASES.r(), withPercentage(10));
        assertThat(fitted.alpha()).isCloseTo(TRUE_PURCHASES.alpha(), withPercentage(10));
        assertThat(fitted.a()).isCloseTo(TRUE_PURCHASES.a(), withPercentage(20));
        assertThat(fitted.b()).isCloseTo(TRUE_PURCHASES.b(), withPercentage(20));
    }

    @Test
    void fittedLikelihoodIsAtLeastTheTrueParametersLikelihood() {
        PurchaseHistories histories = CUSTOMERS.histories();

        BgNbdModel.Fit fit = BgNbdModel.fit(histories);

        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(TRUE_PURCHASES.logLikelihood(histories));
        assertThat(histories.groups()).isLessThan(histories.customers());
    }

    @Test
    void gammaGammaRecoversSimulatedParameters() {
        GammaGammaModel fitted = GammaGammaModel.fit(CUSTOMERS.spendHistories()).model();

        assertThat(fitted.p()).isCloseTo(TRUE_SPEND.p(), withPercentage(10));
        assertThat(fitted.q()).isCloseTo(TRUE_SPEND.q(), withPercentage(10));
        assertThat(fitted.gamma()).isCloseTo(TRUE_SPEND.gamma(), withPercentage(15));
    }

    @Test
    void expectedPurchasesOfNewCustomersMatchTheSimulatedMean() {
        SimulatedCustomers sameAge = SimulatedCustomers.draw(20_000, TRUE_PURCHASES, TRUE_SPEND, 7L);
        double meanRepeatPurchases = 0;
        double meanAge = 0;
        for (int i = 0; i < sameAge.x().length; i++) {
            meanRepeatPurchases += (double) sameAge.x()[i] / sameAge.x().length;
            meanAge += sameAge.T()[i] / sameAge.x().length;
        }

        assertThat(TRUE_PURCHASES.expectedPurchases(meanAge)).isCloseTo(meanRepeatPurchases, withPercentage(8));
    }
}
