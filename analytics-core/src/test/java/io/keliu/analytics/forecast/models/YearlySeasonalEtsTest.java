package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YearlySeasonalEtsTest {

    /** Three years of a yearly swing (×1.6 at the peak), a weekly pattern and noise; the fourth year is held out. */
    private static DailySeries seasonal(int days) {
        Random noise = new Random(3);
        LocalDate start = LocalDate.of(2021, 1, 1);
        double[] values = new double[days];
        for (int t = 0; t < days; t++) {
            LocalDate date = start.plusDays(t);
            double yearly = Math.exp(0.47 * Math.sin(2 * Math.PI * date.getDayOfYear() / 365.25));
            double weekly = date.getDayOfWeek().getValue() >= 6 ? 1.3 : 1.0;
            values[t] = Math.round(200 * yearly * weekly * Math.exp(0.05 * noise.nextGaussian()));
        }
        return new DailySeries(start, values);
    }

    @Test
    void forecastsTheYearlyCycleAYearAheadWhereEtsAloneCannot() {
        DailySeries series = seasonal(4 * 365);
        DailySeries training = series.head(3 * 365);
        double[] actual = series.tail(365).values();
        double scale = Metrics.seasonalNaiveScale(training);

        double yearly = Metrics.mase(actual, new YearlySeasonalEts().tunedOn(training).forecast(training, 365), scale);
        double etsAlone = Metrics.mase(actual, ExponentialSmoothing.automatic().forecast(training, 365), scale);

        assertThat(yearly).isLessThan(0.5 * etsAlone);
        assertThat(yearly).isLessThan(1.0);
    }

    @Test
    void refusesAHistoryTooShortForAYearlyTerm() {
        assertThatThrownBy(() -> new YearlySeasonalEts().tunedOn(seasonal(400)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("548");
    }
}
