package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExponentialSmoothingTest {
    private static final double[] WEEKLY_FACTORS = {0.8, 0.85, 0.9, 0.95, 1.1, 1.6, 1.4};

    private static DailySeries seasonalSeries(double dailyGrowth, double noise, int days) {
        Random random = new Random(11);
        double[] values = new double[days];
        for (int t = 0; t < days; t++) {
            values[t] = (500 + dailyGrowth * t) * WEEKLY_FACTORS[t % 7] * (1 + noise * random.nextGaussian());
        }
        return new DailySeries(LocalDate.of(2024, 1, 1), values);
    }

    @Test
    void recoversAKnownMultiplicativeWeeklySeason() {
        DailySeries history = seasonalSeries(0, 0.02, 280);

        double[] forecast = ExponentialSmoothing.automatic().forecast(history, 14);

        for (int h = 0; h < 14; h++) {
            double truth = 500 * WEEKLY_FACTORS[(280 + h) % 7];
            assertThat(forecast[h]).as("day %d", h).isCloseTo(truth, within(0.05 * truth));
        }
    }

    @Test
    void choosesMultiplicativeSeasonalityAndFollowsATrend() {
        DailySeries history = seasonalSeries(2, 0.01, 350);

        ForecastModel tuned = ExponentialSmoothing.automatic().tunedOn(history);
        double[] forecast = tuned.forecast(history, 7);

        assertThat(tuned.describe()).isEqualTo("ETS(A,Ad,M)");
        double truthNextSaturday = (500 + 2 * (350 + 5)) * WEEKLY_FACTORS[5];
        assertThat(forecast[5]).isCloseTo(truthNextSaturday, within(0.05 * truthNextSaturday));
    }

    @Test
    void skipsMissingDaysInsteadOfReadingThemAsZero() {
        double[] values = seasonalSeries(0, 0.02, 210).values();
        for (int t = 100; t < 120; t++) {
            values[t] = Double.NaN;
        }
        DailySeries history = new DailySeries(LocalDate.of(2024, 1, 1), values);

        double[] forecast = ExponentialSmoothing.automatic().forecast(history, 7);

        double weekMean = Arrays.stream(forecast).average().orElseThrow();
        assertThat(weekMean).isCloseTo(500 * 1.0857, within(25.0));
    }
}
