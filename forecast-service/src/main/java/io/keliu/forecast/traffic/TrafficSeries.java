package io.keliu.forecast.traffic;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group's counts for consecutive buckets, every bucket present (zeros where nothing happened).
 *
 * @param group the member (e.g. 广东省), "" for orders without one, null for the total
 */
public record TrafficSeries(String group, Map<ZonedDateTime, TrafficCounts> buckets) {

    public static TrafficSeries empty(String group, Iterable<ZonedDateTime> starts) {
        Map<ZonedDateTime, TrafficCounts> buckets = new LinkedHashMap<>();
        starts.forEach(start -> buckets.put(start, TrafficCounts.ZERO));
        return new TrafficSeries(group, buckets);
    }

    public TrafficCounts total() {
        return buckets.values().stream().reduce(TrafficCounts.ZERO, TrafficCounts::plus);
    }
}
