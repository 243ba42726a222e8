package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SeasonalNaiveTest {

    @Test
    void repeatsTheLastObservedValueOfTheSameWeekday() {
        double[] twoWeeks = {1, 2, 3, 4, 5, 6, 7, 11, 12, Double.NaN, 14, 15, 16, 17};
        DailySeries history = new DailySeries(LocalDate.of(2024, 1, 1), twoWeeks);

        double[] forecast = new SeasonalNaive().forecast(history, 9);

        assertThat(forecast).containsExactly(11, 12, 3, 14, 15, 16, 17, 11, 12);
    }
}
