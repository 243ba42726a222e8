package io.keliu.analytics.forecast;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.models.Metrics;
import io.keliu.analytics.forecast.models.Regressors;
import io.keliu.analytics.forecast.series.DailySeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Held-out accuracy of the automatic model against seasonal naive, over several series and forecast origins so that
 * the interval coverage estimate rests on hundreds of days. Shared by the accuracy test and the benchmark report.
 */
public final class HoldoutStudy {
    public static final int HORIZON = 28;
    /** Origins chosen to include the Spring Festival, Labour Day and National Day as well as ordinary weeks. */
    private static final List<LocalDate> SIMULATED_ORIGINS = List.of(LocalDate.of(2024, 1, 25),
            LocalDate.of(2024, 4, 20), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 20));
    private static final LocalDate SIMULATED_START = LocalDate.of(2022, 1, 1);
    private static final List<LocalDate> CDNOW_ORIGINS = List.of(LocalDate.of(1998, 1, 6), LocalDate.of(1998, 2, 3),
            LocalDate.of(1998, 3, 3), LocalDate.of(1998, 3, 31), LocalDate.of(1998, 4, 28), LocalDate.of(1998, 6, 2));

    /** Totals over one study: mean MASEs, pooled interval coverage, and what the automatic choice picked. */
    public record Result(String name, int forecasts, int days, double autoMase, double naiveMase, double coverage,
                         List<String> modelsChosen) {
        public double improvement() {
            return 1 - autoMase / naiveMase;
        }
    }

    private HoldoutStudy() {
    }

    public static Result simulated(int seriesCount) {
        AutoForecaster forecaster = AutoForecaster.standard(HolidayCalendar.chinaMainland(), Regressors.none());
        Random shops = new Random(42);
        List<Forecast> forecasts = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            DailySeries full = SimulatedTraffic.randomShop(shops).generate(SIMULATED_START, 3 * 366, 1000 + s);
            for (LocalDate origin : SIMULATED_ORIGINS) {
                DailySeries upToEnd = full.head(full.indexOf(origin) + HORIZON);
                forecasts.add(forecaster.forecastHoldout(upToEnd, HORIZON));
                actuals.add(upToEnd.tail(HORIZON).values());
            }
        }
        return summarise("simulated (" + seriesCount + " shops x " + SIMULATED_ORIGINS.size() + " origins)",
                forecasts, actuals);
    }

    public static Result cdnow() {
        AutoForecaster forecaster = AutoForecaster.standard(HolidayCalendar.empty(), Regressors.none());
        DailySeries purchases = TestSeries.cdnowDailyPurchases();
        List<Forecast> forecasts = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (LocalDate origin : CDNOW_ORIGINS) {
            DailySeries upToEnd = purchases.head(purchases.indexOf(origin) + HORIZON);
            forecasts.add(forecaster.forecastHoldout(upToEnd, HORIZON));
            actuals.add(upToEnd.tail(HORIZON).values());
        }
        return summarise("CDNOW daily purchases (" + CDNOW_ORIGINS.size() + " origins)", forecasts, actuals);
    }

    private static Result summarise(String name, List<Forecast> forecasts, List<double[]> actuals) {
        int inside = 0;
        int days = 0;
        for (int i = 0; i < forecasts.size(); i++) {
            double coverage = Metrics.coverage(actuals.get(i), forecasts.get(i).lowers(), forecasts.get(i).uppers());
            inside += (int) Math.round(coverage * actuals.get(i).length);
            days += actuals.get(i).length;
        }
        return new Result(name, forecasts.size(), days,
                forecasts.stream().mapToDouble(f -> f.accuracy().mase()).average().orElseThrow(),
                forecasts.stream().mapToDouble(f -> f.accuracy().naiveMase()).average().orElseThrow(),
                (double) inside / days, forecasts.stream().map(Forecast::variant).toList());
    }

    public static void main(String[] args) {
        List<Result> results = List.of(simulated(8), cdnow());
        for (Result result : results) {
            System.out.printf("%s: auto MASE %.3f, naive MASE %.3f, improvement %.1f%%, 80%% coverage %.3f over %d days%n  %s%n",
                    result.name(), result.autoMase(), result.naiveMase(), 100 * result.improvement(),
                    result.coverage(), result.days(), result.modelsChosen());
        }
        System.out.printf("pooled 80%% interval coverage: %.3f over %d held-out days%n", pooledCoverage(results),
                results.stream().mapToInt(Result::days).sum());
    }

    /** Coverage over all held-out days of several studies, each weighted by its number of days. */
    public static double pooledCoverage(List<Result> results) {
        int days = results.stream().mapToInt(Result::days).sum();
        return results.stream().mapToDouble(result -> result.coverage() * result.days()).sum() / days;
    }
}
