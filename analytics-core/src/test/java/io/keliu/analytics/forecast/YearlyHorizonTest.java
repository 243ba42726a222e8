package io.keliu.analytics.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/forecasting.md#year-long-horizons: the automatic choice on year-long forecasts of long daily series. */
class YearlyHorizonTest {

    @Test
    void theAutomaticChoiceMatchesOrBeatsTheYearlyDecompositionAndBeatsNaiveOneYearAhead() {
        for (YearlyHorizonStudy.Row row : YearlyHorizonStudy.run()) {
            assertThat(row.autoMase()).as(row.series()).isLessThanOrEqualTo(row.decompositionMase() * 1.02);
            assertThat(row.autoMase()).as(row.series() + ": origins with every term choose no worse than spread ones")
                    .isLessThanOrEqualTo(row.spreadAutoMase() * 1.02);
            assertThat(row.autoMase()).as(row.series()).isLessThan(row.naiveMase());
            if (row.series().contains("NOAA")) {
                assertThat(row.autoMase()).as(row.series() + ": better than without a yearly term")
                        .isLessThan(row.previousAutoMase() * 0.9);
            }
        }
    }
}
