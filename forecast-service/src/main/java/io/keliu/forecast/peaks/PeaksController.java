package io.keliu.forecast.peaks;

import io.keliu.analytics.forecast.models.ForecastPoint;
import io.keliu.analytics.forecast.peaks.CapacityPlanner;
import io.keliu.analytics.forecast.peaks.PeakHours;
import io.keliu.analytics.forecast.series.HourlySeries;
import io.keliu.forecast.api.DateRange;
import io.keliu.forecast.api.Parameters;
import io.keliu.forecast.capacity.CapacityStore;
import io.keliu.forecast.forecasts.Forecaster;
import io.keliu.forecast.forecasts.SeriesId;
import io.keliu.forecast.traffic.Dimension;
import io.keliu.forecast.traffic.Granularity;
import io.keliu.forecast.traffic.TrafficCounts;
import io.keliu.forecast.traffic.TrafficReader;
import io.keliu.forecast.traffic.TrafficSeries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Peak periods (高峰期): when traffic is highest, and which forecast days need more capacity than configured. */
@RestController
@RequestMapping("/api/v1/traffic/peaks")
public class PeaksController {
    /** Seed 001's planning window: the next 28 days. */
    static final int PLANNING_DAYS = 28;
    private static final int TOP = 10;
    private static final double PEAK_SHARE = 0.9;

    private final TrafficReader traffic;
    private final Forecaster forecaster;
    private final CapacityStore capacity;

    PeaksController(TrafficReader traffic, Forecaster forecaster, CapacityStore capacity) {
        this.traffic = traffic;
        this.forecaster = forecaster;
        this.capacity = capacity;
    }

    /** @param typicalByHour median orders in each clock hour (0–23) on this weekday */
    public record WeekdayRow(DayOfWeek weekday, double[] typicalByHour, List<Integer> peakHours) {
    }

    public record Peak(ZonedDateTime start, long orders) {
    }

    public record CapacityDay(LocalDate date, double forecast, double upper95, String risk, double loadFactor) {
    }

    public record RegionCapacity(String region, int capacity, int daysNeedingExtraCapacity, List<CapacityDay> days,
                                 String note) {
    }

    public record Peaks(String zone, LocalDate from, LocalDate to, List<WeekdayRow> heatmap, List<Peak> topHours,
                        List<Peak> topDays, int planningDays, List<RegionCapacity> capacity) {
    }

    @GetMapping
    public Peaks peaks(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        DateRange range = Parameters.range(from, to);
        TrafficSeries hours = traffic.read(Granularity.HOUR, Dimension.TOTAL, range).getFirst();
        TrafficSeries days = traffic.read(Granularity.DAY, Dimension.TOTAL, range).getFirst();
        return new Peaks(traffic.zone().getId(), range.from(), range.to(), heatmap(hours), top(hours), top(days),
                PLANNING_DAYS, capacityPlan());
    }

    private static List<WeekdayRow> heatmap(TrafficSeries hours) {
        Map<LocalDateTime, Double> byHour = new LinkedHashMap<>();
        hours.buckets().forEach((start, counts) -> byHour.put(start.toLocalDateTime(), (double) counts.orders()));
        return PeakHours.byWeekday(HourlySeries.of(byHour), PEAK_SHARE).stream()
                .map(row -> new WeekdayRow(row.weekday(), row.typicalByHour(), row.peakHours())).toList();
    }

    private static List<Peak> top(TrafficSeries series) {
        return series.buckets().entrySet().stream()
                .filter(bucket -> bucket.getValue().orders() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<ZonedDateTime, TrafficCounts> b) -> b.getValue().orders())
                        .reversed())
                .limit(TOP).map(bucket -> new Peak(bucket.getKey(), bucket.getValue().orders())).toList();
    }

    /** For each region with a capacity: the next 28 forecast days whose 95 % upper bound exceeds it. */
    private List<RegionCapacity> capacityPlan() {
        List<RegionCapacity> plan = new ArrayList<>();
        capacity.all().forEach((region, limit) -> {
            SeriesId series = region.equals("total") ? SeriesId.TOTAL : new SeriesId(Dimension.PROVINCE, region);
            var forecast = forecaster.current(series);
            if (forecast.isEmpty()) {
                plan.add(new RegionCapacity(region, limit, 0, List.of(), "no forecast: no orders from " + region));
                return;
            }
            List<ForecastPoint> points = forecast.get().points().stream().limit(PLANNING_DAYS)
                    .map(p -> new ForecastPoint(p.date(), p.value(), p.lower95(), p.upper95())).toList();
            List<CapacityDay> over = CapacityPlanner.daysOverCapacity(points, limit).stream()
                    .map(day -> new CapacityDay(day.date(), day.forecast(), day.upper(), day.risk().name(),
                            day.loadFactor())).toList();
            plan.add(new RegionCapacity(region, limit, over.size(), over, "model " + forecast.get().model()
                    + "; LIKELY: the forecast itself exceeds capacity, POSSIBLE: only its 95% upper bound"));
        });
        return plan;
    }
}
