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
 * region's own forecast from the days before the range (so a region is not hot only because the season is).
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
        PROVINCE(Dimension.PROVINCE), CITY(Dimension.CITY);

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

    public record Answer(String level, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                         List<Region> regions) {
    }

    @GetMapping
    public Answer hotRegions(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String level,
                             @RequestParam(required = false) String limit) {
        DateRange range = Parameters.range(from, to);
        Level grouping = Parameters.choice("level", level, Level.values(), Level::word, Level.PROVINCE);
        int top = Parameters.integer("limit", limit, 10, 1, 500);
        if (range.days() > 366) {
            throw new BadParameter("to", "hot regions cover at most 366 days, got "
                    + range.days());
        }
        Map<String, Long> now = totals(grouping, range);
        Map<String, Long> before = totals(grouping, range.previous());
        List<Map.Entry<String, Long>> ranked = now.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).toList();
        Map<String, HotRegions.RegionRank> vsForecast = againstForecast(grouping, range,
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
        return new Answer(grouping.word(), range.from(), range.to(), range.previous().from(), range.previous().to(),
                regions);
    }

    private Map<String, Long> totals(Level grouping, DateRange range) {
        return traffic.read(Granularity.DAY, grouping.dimension, range).stream().collect(Collectors.toMap(
                TrafficSeries::group, series -> series.total().orders()));
    }

    /** The library's ranking against each region's forecast, for the regions with enough history before the range. */
    private Map<String, HotRegions.RegionRank> againstForecast(Level grouping, DateRange range, List<String> regions) {
        int days = (int) range.days();
        Map<String, DailySeries> histories = new HashMap<>();
        for (String region : regions) {
            orders.history(new SeriesId(grouping.dimension, region), range.to())
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
