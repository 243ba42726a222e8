package io.keliu.analytics.forecast.regions;

import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.Forecast;
import io.keliu.analytics.forecast.series.DailySeries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks regions (or stores, channels: any key) by recent traffic and by growth against their own forecast. Growth
 * against a forecast made before the recent window already allows for each region's weekly and yearly pattern and
 * holidays, so a seaside region in August is not "hot" just because it is August.
 */
public final class HotRegions {

    /**
     * {@code growth} is recent actual traffic over what the region's own forecast expected, minus one;
     * {@code trafficRank} and {@code growthRank} start at 1 for the busiest and the fastest growing.
     */
    public record RegionRank(String region, double recentTraffic, double expectedTraffic, double growth,
                             int trafficRank, int growthRank) {
    }

    private HotRegions() {
    }

    /** Ranked by growth, hottest first; each region is forecast from its history before the last {@code recentDays}. */
    public static List<RegionRank> rank(Map<String, DailySeries> trafficByRegion, int recentDays,
                                        AutoForecaster forecaster) {
        record Measured(String region, double recent, double expected) {
            double growth() {
                return expected > 0 ? recent / expected - 1 : 0;
            }
        }
        List<Measured> measured = new ArrayList<>();
        trafficByRegion.forEach((region, series) -> {
            Forecast forecast = forecaster.forecastHoldout(series, recentDays);
            double[] actual = series.tail(recentDays).values();
            double[] expected = forecast.values();
            double recent = 0;
            double expectedTotal = 0;
            for (int i = 0; i < recentDays; i++) {
                if (!Double.isNaN(actual[i])) {
                    recent += actual[i];
                    expectedTotal += expected[i];
                }
            }
            measured.add(new Measured(region, recent, expectedTotal));
        });
        List<Measured> byTraffic = measured.stream()
                .sorted(Comparator.comparingDouble(Measured::recent).reversed()).toList();
        List<Measured> byGrowth = measured.stream()
                .sorted(Comparator.comparingDouble(Measured::growth).reversed()).toList();
        return byGrowth.stream().map(m -> new RegionRank(m.region(), m.recent(), m.expected(), m.growth(),
                byTraffic.indexOf(m) + 1, byGrowth.indexOf(m) + 1)).toList();
    }
}
