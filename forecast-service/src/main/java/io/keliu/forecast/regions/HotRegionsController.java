package io.keliu.forecast.regions;

import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.Backtest;
import io.keliu.analytics.forecast.models.Regressors;
import io.keliu.analytics.forecast.regions.HotRegions;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.forecast.api.BadParameter;
import io.keliu.forecast.api.DateRange;
import io.keliu.forecast.api.Parameters;
import io.keliu.forecast.forecasts.DailyOrders;
import io.keliu.forecast.forecasts.Forecaster;
import io.keliu.forecast.forecasts.SeriesId;
import io.keliu.forecast.traffic.Dimension;
import io.keliu.forecast.traffic.Granularity;
import io.keliu.forecast.traffic.TrafficReader;
import io.keliu.forecast.traffic.TrafficSeries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Regions ranked by orders in a range, with growth against the previous period of the same length and against the
 * region's own forecast from the days before the range (so a region is not hot only because the season is). Regions
 * are provinces, cities (all, or the cities of one province: the drill-down from the map) or countries.
 */
@RestController
@RequestMapping("/api/v1/traffic/hot-regions")
public class HotRegionsController {
    private final TrafficReader traffic;
    private final DailyOrders orders;
    private final Forecaster forecaster;

    HotRegionsController(TrafficReader traffic, DailyOrders orders, Forecaster forecaster) {
        this.traffic = traffic;
        this.orders = orders;
        this.forecaster = forecaster;
    }

    enum Level {
        PROVINCE(Dimension.PROVINCE), CITY(Dimension.CITY), COUNTRY(Dimension.COUNTRY);

        final Dimension dimension;

        Level(Dimension dimension) {
            this.dimension = dimension;
        }

        String word() {
            return dimension.parameter();
        }
    }

    /**
     * @param growthVsPrevious orders over the previous period's, minus one (null when it had none)
     * @param growthVsForecast orders over the forecast's expectation, minus one (null without enough history)
     */
    public record Region(int rank, String region, long orders, long previousOrders, Double growthVsPrevious,
                         Double expectedOrders, Double growthVsForecast) {
    }

    /**
     * @param province    the province whose cities are ranked (level city only), else null
     * @param orders      orders in the range at this level (within the province), ranked or not
     * @param unassigned  of those, the orders without a value at this level (no province, city or country)
     * @param regionCount regions with orders in the range (the ranking shows at most {@code limit})
     */
    public record Answer(String level, String province, LocalDate from, LocalDate to, LocalDate previousFrom,
                         LocalDate previousTo, long orders, long unassigned, int regionCount, List<Region> regions) {
    }

    @GetMapping
    @Operation(summary = "Regions ranked by orders in a range, with growth against the previous period and against"
            + " each region's own forecast; level=city&province=广东省 ranks one province's cities")
    public Answer hotRegions(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @Parameter(description = "province (default), city or country")
                             @RequestParam(required = false) String level,
                             @Parameter(description = "with level=city: only this province's cities, e.g. 广东省")
                             @RequestParam(required = false) String province,
                             @Parameter(description = "1–500, default 10")
                             @RequestParam(required = false) String limit) {
        DateRange range = Parameters.range(from, to);
        Level grouping = Parameters.choice("level", level, Level.values(), Level::word, Level.PROVINCE);
        int top = Parameters.integer("limit", limit, 10, 1, 500);
        if (range.days() > 366) {
            throw new BadParameter("to", "hot regions cover at most 366 days, got "
                    + range.days());
        }
        Scope scope = Scope.of(grouping, province);
        Map<String, Long> now = scope.totals(traffic, range);
        Map<String, Long> before = scope.totals(traffic, range.previous());
        List<Map.Entry<String, Long>> active = now.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && e.getValue() > 0).toList();
        List<Map.Entry<String, Long>> ranked = active.stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).toList();
        Map<String, HotRegions.RegionRank> vsForecast = againstForecast(scope, range,
                ranked.stream().map(Map.Entry::getKey).toList());
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            String region = ranked.get(i).getKey();
            long count = ranked.get(i).getValue();
            long previous = before.getOrDefault(region, 0L);
            HotRegions.RegionRank forecast = vsForecast.get(region);
            regions.add(new Region(i + 1, region, count, previous,
                    previous > 0 ? (double) count / previous - 1 : null,
                    forecast == null ? null : forecast.expectedTraffic(),
                    forecast == null ? null : forecast.growth()));
        }
        long total = now.values().stream().mapToLong(Long::longValue).sum();
        return new Answer(grouping.word(), scope.province(), range.from(), range.to(), range.previous().from(),
                range.previous().to(), total, now.getOrDefault("", 0L), active.size(), regions);
    }

    /** The regions ranked: a dimension's members, or (province given) that province's cities. */
    private record Scope(Dimension dimension, String province) {
        static Scope of(Level level, String province) {
            if (province == null || province.isBlank()) {
                return new Scope(level.dimension, null);
            }
            if (level != Level.CITY) {
                throw new BadParameter("province", "ranks a province's cities, so it needs level=city");
            }
            return new Scope(Dimension.PROVINCE_CITY, province.strip());
        }

        /** Orders per region in the range; "" holds the orders without a region. */
        Map<String, Long> totals(TrafficReader traffic, DateRange range) {
            Map<String, Long> totals = new HashMap<>();
            for (TrafficSeries series : traffic.read(Granularity.DAY, dimension, range)) {
                String region = region(series.group());
                if (region != null) {
                    totals.merge(region, series.total().orders(), Long::sum);
                }
            }
            return totals;
        }

        /** The region a member stands for, or null when it lies outside the province. */
        private String region(String member) {
            if (province == null) {
                return member;
            }
            String prefix = province + Dimension.SEPARATOR;
            return member.startsWith(prefix) ? member.substring(prefix.length()) : null;
        }

        SeriesId series(String region) {
            return new SeriesId(dimension, province == null ? region : Dimension.provinceCity(province, region));
        }
    }

    /** The library's ranking against each region's forecast, for the regions with enough history before the range. */
    private Map<String, HotRegions.RegionRank> againstForecast(Scope scope, DateRange range, List<String> regions) {
        int days = (int) range.days();
        Map<String, DailySeries> histories = new HashMap<>();
        for (String region : regions) {
            orders.history(scope.series(region), range.to())
                    .filter(series -> series.size() >= Backtest.MIN_TRAINING_DAYS + 2 * days)
                    .ifPresent(series -> histories.put(region, series));
        }
        if (histories.isEmpty()) {
            return Map.of();
        }
        AutoForecaster auto = AutoForecaster.standard(forecaster.calendar(), Regressors.none());
        return HotRegions.rank(histories, days, auto).stream()
                .collect(Collectors.toMap(HotRegions.RegionRank::region, Function.identity()));
    }
}
