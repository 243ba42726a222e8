package io.keliu.analytics.forecast.holidays;

import io.keliu.analytics.forecast.models.ForecastPoint;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.io.DataFormatException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A holiday's forecast beside the same holiday last year, aligned by position in the break rather than by date:
 * Spring Festival day 1 is compared with last year's Spring Festival day 1 even though it fell weeks apart.
 */
public final class HolidayComparison {

    /**
     * One aligned day. {@code lastYearActual} is null when last year's series does not cover the day, and
     * {@code change} (forecast over last year, minus one) is null then or when last year's value was zero.
     */
    public record Row(String position, LocalDate date, double forecast, double lower, double upper,
                      LocalDate lastYearDate, Double lastYearActual, Double change) {
    }

    private HolidayComparison() {
    }

    /**
     * Lines up this year's forecast for a holiday, lead-in and after-effect days included, with last year's actuals.
     * Positions that exist only in one year (day 8 of an 8-day break after a 7-day one) have no partner and are
     * reported with last year's fields empty.
     */
    public static List<Row> compare(HolidayCalendar calendar, String holiday, int year, List<ForecastPoint> forecast,
                                    DailySeries history) {
        HolidayPeriod thisYear = occurrence(calendar, holiday, year);
        HolidayPeriod lastYear = occurrence(calendar, holiday, year - 1);
        Map<LocalDate, ForecastPoint> byDate = forecast.stream()
                .collect(Collectors.toMap(ForecastPoint::date, Function.identity()));
        List<HolidayDay> lastYearPositions = calendar.windowPositions(lastYear);
        List<Row> rows = new ArrayList<>();
        for (HolidayDay position : calendar.windowPositions(thisYear)) {
            ForecastPoint point = byDate.get(calendar.dateAt(thisYear, position));
            if (point == null) {
                continue;
            }
            LocalDate lastYearDate = lastYearPositions.contains(position) ? calendar.dateAt(lastYear, position) : null;
            Double lastYearActual = lastYearDate == null ? null : valueOn(history, lastYearDate);
            Double change = lastYearActual == null || lastYearActual == 0 ? null : point.value() / lastYearActual - 1;
            rows.add(new Row(position.label(), point.date(), point.value(), point.lower(), point.upper(),
                    lastYearDate, lastYearActual, change));
        }
        return rows;
    }

    private static HolidayPeriod occurrence(HolidayCalendar calendar, String holiday, int year) {
        return calendar.occurrence(holiday, year).orElseThrow(() -> new DataFormatException(
                "the holiday calendar has no " + holiday + " in " + year));
    }

    private static Double valueOn(DailySeries history, LocalDate date) {
        int index = history.indexOf(date);
        if (index < 0 || index >= history.size() || history.isMissing(index)) {
            return null;
        }
        return history.value(index);
    }
}
