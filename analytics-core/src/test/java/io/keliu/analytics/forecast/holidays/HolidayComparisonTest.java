package io.keliu.analytics.forecast.holidays;

import io.keliu.analytics.forecast.models.ForecastPoint;
import io.keliu.analytics.forecast.series.DailySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HolidayComparisonTest {
    private final HolidayCalendar china = HolidayCalendar.chinaMainland();

    @Test
    void alignsByPositionInTheBreakNotByDate() {
        Map<LocalDate, Double> lastYear = new TreeMap<>();
        LocalDate.of(2024, 1, 1).datesUntil(LocalDate.of(2024, 3, 1)).forEach(date -> lastYear.put(date, 100.0));
        lastYear.put(LocalDate.of(2024, 2, 10), 50.0);
        List<ForecastPoint> forecast = LocalDate.of(2025, 1, 15).datesUntil(LocalDate.of(2025, 2, 20))
                .map(date -> new ForecastPoint(date, 60, 40, 80)).toList();

        List<HolidayComparison.Row> rows = HolidayComparison.compare(china, "Spring Festival", 2025, forecast,
                DailySeries.of(lastYear));

        HolidayComparison.Row dayOne = rows.stream()
                .filter(row -> row.position().equals("Spring Festival day 1")).findFirst().orElseThrow();
        assertThat(dayOne.date()).isEqualTo(LocalDate.of(2025, 1, 28));
        assertThat(dayOne.lastYearDate()).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(dayOne.lastYearActual()).isEqualTo(50);
        assertThat(dayOne.change()).isCloseTo(0.2, within(1e-9));
        assertThat(rows).hasSize(7 + 8 + 7);
        assertThat(rows.getFirst().position()).isEqualTo("Spring Festival lead-in -7");
        assertThat(rows.getLast().lastYearDate()).isEqualTo(LocalDate.of(2024, 2, 24));
    }

    @Test
    void aDayThatLastYearsShorterBreakDidNotHaveHasNoPartner() {
        List<ForecastPoint> forecast = LocalDate.of(2026, 2, 1).datesUntil(LocalDate.of(2026, 3, 10))
                .map(date -> new ForecastPoint(date, 60, 40, 80)).toList();
        DailySeries lastYear = new DailySeries(LocalDate.of(2025, 1, 1), new double[90]);

        List<HolidayComparison.Row> rows = HolidayComparison.compare(china, "Spring Festival", 2026, forecast, lastYear);

        HolidayComparison.Row dayNine = rows.stream()
                .filter(row -> row.position().equals("Spring Festival day 9")).findFirst().orElseThrow();
        assertThat(dayNine.lastYearDate()).as("2025's break had 8 days").isNull();
        assertThat(dayNine.change()).isNull();
    }
}
