package io.keliu.cli.analytics;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.holidays.HolidayComparison;
import io.keliu.analytics.forecast.holidays.HolidayPeriod;
import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.models.ForecastPoint;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keliu analytics forecast}: daily traffic forecast with intervals, backtest scores and holiday comparisons. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecast a daily series with prediction intervals; JSON on stdout.",
                "The model is chosen by rolling-origin backtesting unless --model says otherwise. Holidays inside the "
                        + "forecast are compared with the same holiday last year, aligned by day of the break."})
public final class ForecastCommand implements Callable<Integer> {

    @Option(names = "--series", required = true, paramLabel = "FILE", description = "Daily series, CSV 'date,value'.")
    Path series;

    @Option(names = "--horizon", paramLabel = "N", description = "Days to forecast after the last date.")
    Integer horizon;

    @Option(names = "--holdout", paramLabel = "N",
            description = "Fit on all but the last N rows, forecast exactly those N dates and score the forecast on them.")
    Integer holdout;

    @Option(names = "--fill", defaultValue = "missing",
            description = "Days absent from the file: missing (skipped by the models), zero or linear (default: ${DEFAULT-VALUE}).")
    ForecastInputs.Fill fill;

    @Mixin
    ForecastInputs.ModelOptions modelOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        validateLengths();
        DailySeries history = ForecastInputs.dailySeries(series, modelOptions.encoding.charset, fill.policy);
        HolidayCalendar calendar = modelOptions.holidayCalendar();
        AutoForecaster forecaster = modelOptions.forecaster(calendar);
        Forecast forecast = ForecastInputs.userErrors(() -> holdout != null
                ? forecaster.forecastHoldout(history, holdout) : forecaster.forecast(history, horizon));
        Map<String, Object> json = ForecastJson.forecast(forecast);
        json.put("holidays", holidayComparisons(calendar, forecast.points(), history));
        Json.print(spec.commandLine().getOut(), json);
        return 0;
    }

    private void validateLengths() {
        if (horizon == null && holdout == null) {
            throw new UserInputException("give --horizon N (days to forecast) or --holdout N (days to hold out)");
        }
        if (horizon != null && horizon <= 0) {
            throw new UserInputException("--horizon must be positive, got " + horizon);
        }
        if (holdout != null && holdout <= 0) {
            throw new UserInputException("--holdout must be positive, got " + holdout);
        }
        if (horizon != null && holdout != null && !horizon.equals(holdout)) {
            throw new UserInputException("with --holdout the forecast covers exactly the held-out days; "
                    + "leave out --horizon or set it to " + holdout);
        }
    }

    /** Every holiday break that overlaps the forecast and also happened the year before. */
    private static List<Map<String, Object>> holidayComparisons(HolidayCalendar calendar, List<ForecastPoint> points,
                                                                DailySeries history) {
        LocalDate first = points.getFirst().date();
        LocalDate last = points.getLast().date();
        return calendar.periods().stream()
                .filter(period -> !period.last().isBefore(first) && !period.first().isAfter(last))
                .filter(period -> calendar.occurrence(period.name(), period.year() - 1).isPresent())
                .map(period -> comparison(calendar, period, points, history))
                .toList();
    }

    private static Map<String, Object> comparison(HolidayCalendar calendar, HolidayPeriod period,
                                                  List<ForecastPoint> points, DailySeries history) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("holiday", period.name());
        json.put("year", period.year());
        json.put("days", HolidayComparison.compare(calendar, period.name(), period.year(), points, history).stream()
                .map(row -> {
                    Map<String, Object> day = new LinkedHashMap<>();
                    day.put("position", row.position());
                    day.put("date", row.date().toString());
                    day.put("forecast", ForecastJson.number(row.forecast()));
                    day.put("lower", ForecastJson.number(row.lower()));
                    day.put("upper", ForecastJson.number(row.upper()));
                    day.put("lastYearDate", row.lastYearDate() == null ? null : row.lastYearDate().toString());
                    day.put("lastYearActual", row.lastYearActual());
                    day.put("change", row.change() == null ? null : ForecastJson.number(row.change()));
                    return day;
                }).toList());
        return json;
    }
}
