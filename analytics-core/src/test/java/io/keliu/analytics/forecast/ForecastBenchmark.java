package io.keliu.analytics.forecast;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.models.Regressors;
import io.keliu.analytics.forecast.models.SeasonalNaive;
import io.keliu.analytics.forecast.series.DailySeries;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Throughput benchmark (run by bench/forecast.sh, not a unit test): automatic model choice plus a 90-day forecast
 * for 1,000 simulated daily series of two years, across all cores, measured cold (JIT warm-up included) in one
 * process, then the seasonal naive reference on the same series.
 */
public final class ForecastBenchmark {
    private static final int SERIES = 1000;
    private static final int DAYS = 730;
    private static final int HORIZON = 90;

    private ForecastBenchmark() {
    }

    /** CPU time of the whole process (JIT and GC threads included): unlike wall time, not inflated by other load. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : SERIES;
        Random shops = new Random(2024);
        List<DailySeries> series = IntStream.range(0, seriesCount).mapToObj(i -> SimulatedTraffic.randomShop(shops)
                .generate(LocalDate.of(2023, 1, 1), DAYS, i)).toList();
        AutoForecaster automatic = AutoForecaster.standard(HolidayCalendar.chinaMainland(), Regressors.none());

        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<Forecast> forecasts = series.parallelStream().map(s -> automatic.forecast(s, HORIZON)).toList();
        double automaticSeconds = (System.nanoTime() - start) / 1e9;
        double automaticCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;

        SeasonalNaive naive = new SeasonalNaive();
        start = System.nanoTime();
        long naiveForecasts = series.parallelStream().map(s -> naive.forecast(s, HORIZON)).toList().size();
        double naiveSeconds = (System.nanoTime() - start) / 1e9;

        Map<String, Long> chosen = new TreeMap<>();
        forecasts.forEach(forecast -> chosen.merge(forecast.model(), 1L, Long::sum));
        System.out.printf("%d series x %d days, horizon %d, %d cores%n", seriesCount, DAYS, HORIZON,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("automatic choice + forecast: %.1f s wall, %.1f s CPU (%.1f ms wall per series); models chosen %s%n",
                automaticSeconds, automaticCpuSeconds, 1000 * automaticSeconds / seriesCount, chosen);
        System.out.printf("seasonal naive reference:    %.3f s for %d series%n", naiveSeconds, naiveForecasts);
    }
}
