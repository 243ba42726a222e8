package io.keliu.analytics.forecast.series;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DailySeriesTest {
    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

    @Test
    void aDayWithoutEventsIsMissingUnlessTheCallerSaysItIsZero() {
        List<LocalDate> events = List.of(MAY_1, MAY_1, MAY_1.plusDays(2));

        DailySeries unknown = DailySeries.countByDay(events, FillPolicy.LEAVE_MISSING);
        DailySeries closed = DailySeries.countByDay(events, FillPolicy.ZERO);

        assertThat(unknown.values()).containsExactly(2, Double.NaN, 1);
        assertThat(unknown.observedCount()).isEqualTo(2);
        assertThat(closed.values()).containsExactly(2, 0, 1);
    }

    @Test
    void linearFillInterpolatesInsideGapsAndLeavesTheEndsMissing() {
        DailySeries series = new DailySeries(MAY_1, new double[] {Double.NaN, 10, Double.NaN, Double.NaN, 40, Double.NaN});

        assertThat(series.fill(FillPolicy.LINEAR).values())
                .containsExactly(Double.NaN, 10, 20, 30, 40, Double.NaN);
        assertThat(series.fill(FillPolicy.LEAVE_MISSING).values()).isEqualTo(series.values());
    }

    @Test
    void ofSpansFirstToLastDateWithAbsentDatesMissing() {
        DailySeries series = DailySeries.of(Map.of(MAY_1.plusDays(3), 7.0, MAY_1, 5.0));

        assertThat(series.start()).isEqualTo(MAY_1);
        assertThat(series.end()).isEqualTo(MAY_1.plusDays(3));
        assertThat(series.isMissing(1)).isTrue();
        assertThat(series.value(series.indexOf(MAY_1.plusDays(3)))).isEqualTo(7);
    }

    @Test
    void hourlyTotalsOnlyForFullyObservedDays() {
        LocalDateTime start = MAY_1.atStartOfDay();
        double[] hours = new double[48];
        Arrays.fill(hours, 2);
        hours[30] = Double.NaN;

        DailySeries daily = new HourlySeries(start, hours).toDaily();

        assertThat(daily.value(0)).isEqualTo(48);
        assertThat(daily.isMissing(1)).as("a day with a missing hour has no trustworthy total").isTrue();
    }

    @Test
    void hourlyEventCountsKeepEmptyHoursMissingUnlessToldOtherwise() {
        List<LocalDateTime> entries = List.of(MAY_1.atTime(9, 1), MAY_1.atTime(9, 40), MAY_1.atTime(12, 0));

        HourlySeries unknown = HourlySeries.countByHour(entries, FillPolicy.LEAVE_MISSING);
        HourlySeries interpolated = HourlySeries.countByHour(entries, FillPolicy.LINEAR);

        assertThat(unknown.size()).isEqualTo(4);
        assertThat(unknown.value(0)).isEqualTo(2);
        assertThat(unknown.value(1)).isNaN();
        assertThat(interpolated.value(1)).isCloseTo(5.0 / 3, within(1e-9));
    }

    @Test
    void hourlySeriesSumsWithinTheClockHour() {
        HourlySeries series = HourlySeries.of(Map.of(
                MAY_1.atTime(9, 5), 3.0, MAY_1.atTime(9, 55), 4.0, MAY_1.atTime(11, 0), 1.0));

        assertThat(series.size()).isEqualTo(3);
        assertThat(series.value(0)).isEqualTo(7);
        assertThat(series.value(1)).isNaN();
    }
}
