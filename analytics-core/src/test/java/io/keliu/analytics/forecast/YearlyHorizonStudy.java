package io.keliu.analytics.forecast;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.ExponentialSmoothing;
import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.models.ForecastModel;
import io.keliu.analytics.forecast.models.Metrics;
import io.keliu.analytics.forecast.models.RegressionModel;
import io.keliu.analytics.forecast.models.Regressors;
import io.keliu.analytics.forecast.models.SeasonalNaive;
import io.keliu.analytics.forecast.models.YearlySeasonalEts;
import io.keliu.analytics.forecast.series.DailySeries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Year-long forecasts on long daily series: the last 365 days of each are held out, and the automatic choice is
 * scored beside a seasonal-trend decomposition with a yearly term (the {@code ets-yearly} model alone, the MSTL + ETS
 * recipe), the automatic choice without that candidate (as it was before) and seasonal naive. MASE is scaled by the
 * training part's in-sample seasonal-naive error, as everywhere in this library.
 */
public final class YearlyHorizonStudy {
    public static final int HORIZON = 365;

    /**
     * @param spreadAutoMase   the automatic choice with origins over any history (before origins kept to those
     *                         where every candidate uses all its terms)
     * @param previousAutoMase the automatic choice without the {@code ets-yearly} candidate, origins spread
     */
    public record Row(String series, int trainingDays, double autoMase, String autoModel, double spreadAutoMase,
                      String spreadAutoModel, double decompositionMase, double previousAutoMase, double naiveMase) {
    }

    /** Held-out accuracy at the service's horizon over shops with two years of history. */
    public record ServiceHorizonRow(String origins, double mase, double naiveMase, double coverage,
                                    Map<String, Integer> chosen) {
    }

    private YearlyHorizonStudy() {
    }

    /**
     * 90 days held out after two years (730 days) of {@code shops} simulated shops, where the choice origins differ
     * too (some spread origins leave less than a year and a half): the automatic choice as it is and with origins
     * over any history.
     */
    public static List<ServiceHorizonRow> serviceHorizon(int shops) {
        AutoForecaster automatic = AutoForecaster.standard(HolidayCalendar.chinaMainland(), Regressors.none());
        List<ServiceHorizonRow> rows = new ArrayList<>();
        for (AutoForecaster variant : List.of(automatic, automatic.withOriginsOverAnyHistory())) {
            Random random = new Random(99);
            double mase = 0;
            double naive = 0;
            double coverage = 0;
            Map<String, Integer> chosen = new TreeMap<>();
            for (int i = 0; i < shops; i++) {
                DailySeries shop = SimulatedTraffic.randomShop(random).generate(LocalDate.of(2023, 1, 1), 730 + 90,
                        500 + i);
                Forecast forecast = variant.forecastHoldout(shop, 90);
                mase += forecast.accuracy().mase() / shops;
                naive += forecast.accuracy().naiveMase() / shops;
                coverage += forecast.accuracy().coverage() / shops;
                chosen.merge(forecast.model(), 1, Integer::sum);
            }
            rows.add(new ServiceHorizonRow(variant == automatic ? "with every term" : "over any history", mase,
                    naive, coverage, chosen));
        }
        return rows;
    }

    public static List<Row> run() {
        List<Row> rows = new ArrayList<>();
        Map<String, DailySeries> noaa = noaaMaxTemperature();
        noaa.forEach((city, series) -> rows.add(score(city + " daily max temperature (NOAA)", series,
                HolidayCalendar.empty())));
        DailySeries shop = SimulatedTraffic.randomShop(new Random(42)).generate(LocalDate.of(2022, 1, 1), 4 * 365, 7);
        rows.add(score("simulated Chinese shop traffic", shop, HolidayCalendar.chinaMainland()));
        return rows;
    }

    private static Row score(String name, DailySeries series, HolidayCalendar calendar) {
        DailySeries training = series.head(series.size() - HORIZON);
        double[] actual = series.tail(HORIZON).values();
        double scale = Metrics.seasonalNaiveScale(training);
        AutoForecaster automatic = AutoForecaster.standard(calendar, Regressors.none());
        Forecast auto = automatic.forecast(training, HORIZON);
        Forecast spread = automatic.withOriginsOverAnyHistory().forecast(training, HORIZON);
        List<ForecastModel> before = List.of(new SeasonalNaive(), ExponentialSmoothing.automatic(),
                new RegressionModel(RegressionModel.Settings.defaults(calendar)));
        Forecast previous = new AutoForecaster(before, AutoForecaster.DEFAULT_COVERAGE, AutoForecaster.DEFAULT_ORIGINS)
                .withOriginsOverAnyHistory().forecast(training, HORIZON);
        ForecastModel decomposition = new YearlySeasonalEts().tunedOn(training);
        return new Row(name, training.size(), Metrics.mase(actual, auto.values(), scale), auto.variant(),
                Metrics.mase(actual, spread.values(), scale), spread.variant(),
                Metrics.mase(actual, decomposition.forecast(training, HORIZON), scale),
                Metrics.mase(actual, previous.values(), scale),
                Metrics.mase(actual, new SeasonalNaive().forecast(training, HORIZON), scale));
    }

    /** Seattle's and New York's daily maximum temperature, 2012–2015 (vendored from vega-datasets). */
    static Map<String, DailySeries> noaaMaxTemperature() {
        Map<String, TreeMap<LocalDate, Double>> byCity = new TreeMap<>();
        try (InputStream in = YearlyHorizonStudy.class.getResourceAsStream("noaa-daily-max-temperature.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).skip(1).toList();
            for (String line : lines) {
                String[] fields = line.split(",");
                byCity.computeIfAbsent(fields[0], any -> new TreeMap<>())
                        .put(LocalDate.parse(fields[1]), Double.parseDouble(fields[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, DailySeries> series = new TreeMap<>();
        byCity.forEach((city, values) -> series.put(city, DailySeries.of(values)));
        return series;
    }

    public static void main(String[] args) {
        System.out.println("| Series | Training days | Auto MASE (chosen) | Auto, origins over any history (chosen) "
                + "| Decomposition (ets-yearly) MASE | Auto without ets-yearly MASE | Seasonal naive MASE |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Row row : run()) {
            System.out.printf("| %s | %d | %.3f (%s) | %.3f (%s) | %.3f | %.3f | %.3f |%n", row.series(),
                    row.trainingDays(), row.autoMase(), row.autoModel(), row.spreadAutoMase(), row.spreadAutoModel(),
                    row.decompositionMase(), row.previousAutoMase(), row.naiveMase());
        }
        System.out.println();
        System.out.println("| 90 days after 730, 40 simulated shops: origins | Auto MASE | Seasonal naive MASE "
                + "| 80 % interval coverage | Chosen |");
        System.out.println("|---|---:|---:|---:|---|");
        for (ServiceHorizonRow row : serviceHorizon(40)) {
            System.out.printf("| %s | %.3f | %.3f | %.3f | %s |%n", row.origins(), row.mase(), row.naiveMase(),
                    row.coverage(), row.chosen());
        }
    }
}
