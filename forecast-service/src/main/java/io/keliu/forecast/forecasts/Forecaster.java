package io.keliu.forecast.forecasts;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.holidays.HolidayDay;
import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.Backtest;
import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.models.ForecastPoint;
import io.keliu.analytics.forecast.models.Regressors;
import io.keliu.analytics.forecast.models.SeasonalNaive;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.forecast.traffic.Dimension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Forecasts daily orders of the total and of the busiest provinces and channels with the library's automatic
 * choice (docs/forecasting.md), nightly and on demand, and keeps the latest forecast of each series.
 */
@Service
public class Forecaster {
    private static final Logger LOG = LoggerFactory.getLogger(Forecaster.class);
    private static final double[] COVERAGES = {0.8, 0.95};
    /** z for a two-sided 80 % / 95 % normal interval, used only when the history is too short to back-test. */
    private static final double[] Z = {1.2816, 1.9600};
    /** Shortest forecast worth back-testing; a shorter history gets the seasonal naive fallback. */
    private static final int MIN_BACKTESTED_HORIZON = 14;
    private static final int MIN_BACKTESTED_DAYS = Backtest.MIN_TRAINING_DAYS + MIN_BACKTESTED_HORIZON;

    private final DailyOrders orders;
    private final ForecastStore store;
    private final RegressorStore regressors;
    private final ForecastProperties properties;
    private final Clock clock;
    private final Timer refreshTimer;
    private final HolidayCalendar calendar = HolidayCalendar.chinaMainland();

    Forecaster(DailyOrders orders, ForecastStore store, RegressorStore regressors, ForecastProperties properties,
               Clock clock, MeterRegistry meters) {
        this.orders = orders;
        this.store = store;
        this.regressors = regressors;
        this.properties = properties;
        this.clock = clock;
        this.refreshTimer = Timer.builder("keliu.forecast.refresh").description("one refresh of every series")
                .register(meters);
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    /** The last complete day in the platform zone. */
    public LocalDate lastCompleteDay() {
        return LocalDate.now(clock.withZone(orders.zone())).minusDays(1);
    }

    @Scheduled(cron = "${keliu.forecast.refresh-cron:0 30 2 * * *}", zone = "${keliu.zone:Asia/Shanghai}")
    void nightly() {
        LOG.info("nightly forecast refresh: {} series", refreshAll().size());
    }

    /** Re-forecasts every series with enough history; returns their names. */
    public List<String> refreshAll() {
        return refreshTimer.record(() -> {
            LocalDate lastDay = lastCompleteDay();
            Regressors external = regressors.load().toRegressors();
            List<SeriesId> series = seriesToForecast(lastDay);
            return series.parallelStream()
                    .map(id -> forecast(id, lastDay, external))
                    .flatMap(Optional::stream)
                    .peek(store::save)
                    .map(StoredForecast::series)
                    .toList();
        });
    }

    /** The stored forecast, computed now when there is none yet or it is older than the last complete day. */
    public Optional<StoredForecast> current(SeriesId series) {
        LocalDate lastDay = lastCompleteDay();
        Optional<StoredForecast> stored = store.find(series);
        if (stored.isPresent() && !stored.get().historyTo().isBefore(lastDay)) {
            return stored;
        }
        Optional<StoredForecast> fresh = forecast(series, lastDay, regressors.load().toRegressors());
        fresh.ifPresent(store::save);
        return fresh.or(() -> stored);
    }

    public List<SeriesId> seriesToForecast(LocalDate lastDay) {
        List<SeriesId> series = new ArrayList<>(List.of(SeriesId.TOTAL));
        for (Dimension dimension : List.of(Dimension.PROVINCE, Dimension.CHANNEL)) {
            orders.membersWithHistory(dimension, lastDay, properties.minHistoryDays(),
                    properties.maxSeriesPerDimension()).forEach(member -> series.add(new SeriesId(dimension, member)));
        }
        return series;
    }

    /** Forecasts one series from its history up to {@code lastDay}; empty when it has no orders at all. */
    public Optional<StoredForecast> forecast(SeriesId series, LocalDate lastDay, Regressors external) {
        Optional<DailySeries> history = orders.history(series, lastDay);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        DailySeries days = history.get();
        int backtestable = days.size() - Backtest.MIN_TRAINING_DAYS;
        if (backtestable < MIN_BACKTESTED_HORIZON) {
            return Optional.of(naiveFallback(series, days));
        }
        int horizon = Math.min(properties.horizon(), backtestable);
        List<Forecast> forecasts = AutoForecaster.standard(calendar, external).forecast(days, horizon, COVERAGES);
        return Optional.of(stored(series, days, forecasts.get(0), forecasts.get(1)));
    }

    private StoredForecast stored(SeriesId series, DailySeries days, Forecast at80, Forecast at95) {
        List<StoredForecast.Point> points = new ArrayList<>();
        for (int i = 0; i < at80.points().size(); i++) {
            ForecastPoint p80 = at80.points().get(i);
            ForecastPoint p95 = at95.points().get(i);
            points.add(new StoredForecast.Point(p80.date(), p80.value(), p80.lower(), p80.upper(), p95.lower(),
                    p95.upper(), holidaysOn(p80.date())));
        }
        var accuracy = at80.accuracy();
        int daysWithOrders = daysWithOrders(days);
        StoredForecast.Backtest backtest = daysWithOrders < MIN_BACKTESTED_DAYS
                ? notMeasured(accuracy.basis() + "; accuracy not measured: " + daysWithOrders
                        + " days with orders, an honest figure needs " + MIN_BACKTESTED_DAYS, accuracy.origins())
                : new StoredForecast.Backtest(accuracy.basis(), accuracy.origins(), finite(accuracy.mase()),
                        finite(accuracy.smape()), finite(accuracy.naiveMase()), finite(accuracy.coverage()),
                        finite(at95.accuracy().coverage()));
        return new StoredForecast(series.toString(), clock.instant(), days.start(), days.end(), at80.model(),
                at80.variant(), backtest, at80.candidates().stream().map(c -> new StoredForecast.Candidate(c.model(),
                        c.mase() == null ? null : finite(c.mase()), c.problem())).toList(), points);
    }

    /**
     * Too little history to back-test (the first days of a new installation): each day repeats the same weekday of
     * the last week, with intervals from a Poisson approximation (counts vary about as their square root).
     */
    private StoredForecast naiveFallback(SeriesId series, DailySeries days) {
        double[] values = new SeasonalNaive().forecast(days, properties.horizon());
        List<StoredForecast.Point> points = new ArrayList<>();
        for (int h = 0; h < values.length; h++) {
            LocalDate date = days.end().plusDays(h + 1L);
            double spread = Math.sqrt(Math.max(values[h], 1));
            points.add(new StoredForecast.Point(date, values[h], Math.max(0, values[h] - Z[0] * spread),
                    values[h] + Z[0] * spread, Math.max(0, values[h] - Z[1] * spread), values[h] + Z[1] * spread,
                    holidaysOn(date)));
        }
        String basis = "none: " + days.size() + " days of history; back-testing needs " + MIN_BACKTESTED_DAYS;
        return new StoredForecast(series.toString(), clock.instant(), days.start(), days.end(), "naive",
                "seasonal naive (short history)", notMeasured(basis, 0), List.of(), points);
    }

    private static StoredForecast.Backtest notMeasured(String basis, int origins) {
        return new StoredForecast.Backtest(basis, origins, null, null, null, null, null);
    }

    /**
     * Days with at least one order. A history that is mostly zeros (a few old orders, then a week of traffic) is long
     * enough to back-test, but its MASE scales the errors by a seasonal naive error of about nothing and reads as
     * thousands: no accuracy is measured on fewer days with orders than a back-test on a full history needs.
     */
    private static int daysWithOrders(DailySeries days) {
        int count = 0;
        for (int t = 0; t < days.size(); t++) {
            if (days.value(t) > 0) {
                count++;
            }
        }
        return count;
    }

    private List<String> holidaysOn(LocalDate date) {
        return calendar.positionsOn(date).stream().map(HolidayDay::label).toList();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
