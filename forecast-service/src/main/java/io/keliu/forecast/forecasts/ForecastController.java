package io.keliu.forecast.forecasts;

import io.keliu.analytics.forecast.holidays.HolidayComparison;
import io.keliu.analytics.forecast.holidays.HolidayPeriod;
import io.keliu.analytics.forecast.models.ForecastPoint;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.contracts.v1.FieldError;
import io.keliu.forecast.api.BadParameter;
import io.keliu.forecast.api.DateRange;
import io.keliu.forecast.api.NotFound;
import io.keliu.forecast.api.Parameters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/v1/forecasts")
public class ForecastController {
    private final Forecaster forecaster;
    private final ForecastStore store;
    private final RegressorStore regressors;
    private final DailyOrders orders;

    ForecastController(Forecaster forecaster, ForecastStore store, RegressorStore regressors, DailyOrders orders) {
        this.forecaster = forecaster;
        this.store = store;
        this.regressors = regressors;
        this.orders = orders;
    }

    @GetMapping
    public StoredForecast forecast(@RequestParam(required = false) String series,
                                   @RequestParam(required = false) String horizon) {
        SeriesId id = seriesId(series);
        int days = Parameters.integer("horizon", horizon, 28, 1, 366);
        StoredForecast forecast = forecaster.current(id).orElseThrow(() -> new NotFound("series",
                "no orders for " + id + " yet; forecast series now: " + store.seriesNames()
                        + "; valid forms: " + SeriesId.VALID_FORMS));
        if (days > forecast.points().size()) {
            throw new BadParameter("horizon", id + " has " + forecast.points().size() + " forecast days (its history"
                    + " supports no longer a back-tested forecast); ask for at most that many");
        }
        return forecast.first(days);
    }

    public record Refreshed(List<String> series, double seconds) {
    }

    @PostMapping("/refresh")
    public Refreshed refresh() {
        Instant start = Instant.now();
        List<String> series = forecaster.refreshAll();
        return new Refreshed(series, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    public record RegressorsStored(List<String> names, Map<String, String> dates, String note) {
    }

    @PutMapping(path = "/regressors", consumes = {"text/csv", "text/plain"})
    public RegressorsStored uploadRegressors(@RequestBody String csv) {
        List<FieldError> errors = new ArrayList<>();
        RegressorFile file = RegressorFile.parse(csv, errors);
        if (!errors.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    errors.size() + " problem(s) in the regressor file; the regressors stored before are kept");
            problem.setTitle("Bad regressor file");
            problem.setProperty("parameter", "body");
            problem.setProperty("errors", errors);
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        regressors.replace(file);
        return new RegressorsStored(List.copyOf(file.valuesByName().keySet()),
                file.valuesByName().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().firstKey() + ".." + e.getValue().lastKey())),
                "used from the next refresh (POST /api/v1/forecasts/refresh); forecast days need values too");
    }

    /**
     * @param holiday        the break's holiday as {@code /holidays} names it ({@code national-day})
     * @param makeupWorkdays the weekend days worked to pay for the break (调休)
     */
    public record HolidayBreak(String holiday, String name, LocalDate first, LocalDate last,
                               List<LocalDate> makeupWorkdays) {
    }

    public record Calendar(LocalDate from, LocalDate to, int firstYear, int lastYear, List<String> holidays,
                           List<HolidayBreak> breaks) {
    }

    /** The holiday breaks and make-up working days that touch a range: what charts mark. */
    @GetMapping("/calendar")
    public Calendar calendar(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        DateRange range = Parameters.range(from, to);
        if (range.days() > 366 * 20) {
            throw new BadParameter("to", "the range spans more than 20 years; ask for a shorter one");
        }
        List<HolidayBreak> breaks = forecaster.calendar().periods().stream()
                .filter(period -> !period.last().isBefore(range.from()) && !period.first().isAfter(range.to())
                        || period.makeupWorkdays().stream().anyMatch(day -> !day.isBefore(range.from())
                        && !day.isAfter(range.to())))
                .sorted(Comparator.comparing(HolidayPeriod::first))
                .map(period -> new HolidayBreak(slug(period.name()), period.name(), period.first(), period.last(),
                        period.makeupWorkdays()))
                .toList();
        List<String> holidays = forecaster.calendar().periods().stream().map(period -> slug(period.name()))
                .distinct().sorted().toList();
        return new Calendar(range.from(), range.to(), forecaster.calendar().firstYear(),
                forecaster.calendar().lastYear(), holidays, breaks);
    }

    public record HolidayDayRow(String position, LocalDate date, String basis, double value, double lower,
                                double upper, LocalDate lastYearDate, Double lastYearActual, Double change) {
    }

    public record HolidayAnswer(String series, String holiday, int year, LocalDate first, LocalDate last,
                                List<HolidayDayRow> days) {
    }

    @GetMapping("/holidays")
    public HolidayAnswer holiday(@RequestParam(required = false) String holiday,
                                 @RequestParam(required = false) String year,
                                 @RequestParam(required = false) String series) {
        SeriesId id = seriesId(series);
        Map<String, String> names = forecaster.calendar().periods().stream().map(HolidayPeriod::name).distinct()
                .collect(Collectors.toMap(ForecastController::slug, Function.identity()));
        String name = names.get(holiday == null ? "" : holiday.strip().toLowerCase(Locale.ROOT));
        if (name == null) {
            throw new BadParameter("holiday", "'" + holiday + "' is not one of " + names.keySet().stream().sorted().toList());
        }
        int wanted = Parameters.integer("year", year, LocalDate.now().getYear(), 1990, 2100);
        HolidayPeriod period = forecaster.calendar().occurrence(name, wanted).orElseThrow(() -> new NotFound("year",
                "the holiday calendar has no " + name + " in " + wanted + " (it covers "
                        + forecaster.calendar().firstYear() + "–" + forecaster.calendar().lastYear() + ")"));
        if (forecaster.calendar().occurrence(name, wanted - 1).isEmpty()) {
            throw new NotFound("year", "the holiday calendar has no " + name + " in " + (wanted - 1) + " to compare with");
        }
        LocalDate lastDay = forecaster.lastCompleteDay();
        DailySeries history = orders.history(id, lastDay).orElseThrow(() -> new NotFound("series",
                "no orders for " + id + "; valid forms: " + SeriesId.VALID_FORMS));
        List<ForecastPoint> points = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            points.add(new ForecastPoint(history.dateAt(i), history.value(i), history.value(i), history.value(i)));
        }
        forecaster.current(id).ifPresent(forecast -> forecast.points().forEach(p ->
                points.add(new ForecastPoint(p.date(), p.value(), p.lower80(), p.upper80()))));
        List<HolidayDayRow> rows = HolidayComparison.compare(forecaster.calendar(), name, wanted, points, history)
                .stream().map(row -> new HolidayDayRow(row.position(), row.date(),
                        row.date().isAfter(lastDay) ? "forecast" : "actual", row.forecast(), row.lower(), row.upper(),
                        row.lastYearDate(), row.lastYearActual(), row.change())).toList();
        return new HolidayAnswer(id.toString(), slug(name), wanted, period.first(), period.last(), rows);
    }

    private static String slug(String holidayName) {
        return holidayName.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static SeriesId seriesId(String series) {
        SeriesId id = SeriesId.parse(series);
        if (id == null) {
            throw new NotFound("series", "'" + series + "' is not a series; valid forms: " + SeriesId.VALID_FORMS);
        }
        return id;
    }
}
