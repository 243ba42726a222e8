package io.keliu.forecast.traffic;

import io.keliu.forecast.PlatformProperties;
import io.keliu.forecast.api.DateRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads bucketed traffic: one series per group, every bucket of the range present. */
@Repository
public class TrafficReader {
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    TrafficReader(JdbcTemplate jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.zone = platform.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The buckets that overlap the range (a week or month is counted whole). */
    public List<ZonedDateTime> bucketStarts(Granularity granularity, DateRange range) {
        ZonedDateTime end = end(range);
        List<ZonedDateTime> starts = new ArrayList<>();
        for (ZonedDateTime start = granularity.bucketOf(range.from().atStartOfDay(zone)); start.isBefore(end);
             start = granularity.next(start)) {
            starts.add(start);
        }
        return starts;
    }

    /** Series by member of {@code dimension}, sorted by member ("" last); for TOTAL one series with group null. */
    public List<TrafficSeries> read(Granularity granularity, Dimension dimension, DateRange range) {
        return read(granularity, dimension, range, Set.of());
    }

    /** The same, with a series (zeros where no orders) for each of {@code alsoMembers} too. */
    public List<TrafficSeries> read(Granularity granularity, Dimension dimension, DateRange range,
                                    Set<String> alsoMembers) {
        List<ZonedDateTime> starts = bucketStarts(granularity, range);
        Map<String, TrafficSeries> byMember = new TreeMap<>((a, b) -> a.isEmpty() || b.isEmpty()
                ? Boolean.compare(a.isEmpty(), b.isEmpty()) : a.compareTo(b));
        if (dimension == Dimension.TOTAL) {
            byMember.put("", TrafficSeries.empty(null, starts));
        } else {
            alsoMembers.forEach(member -> byMember.put(member, TrafficSeries.empty(member, starts)));
        }
        jdbc.query("""
                        SELECT member, bucket_start, orders, lines, customers, anonymous_orders, revenue
                        FROM forecast.traffic
                        WHERE granularity = ? AND dimension = ? AND bucket_start >= ? AND bucket_start < ?""",
                row -> {
                    String member = row.getString(1);
                    TrafficSeries series = byMember.computeIfAbsent(member, any -> TrafficSeries.empty(member, starts));
                    series.buckets().put(row.getTimestamp(2).toInstant().atZone(zone), new TrafficCounts(
                            row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getBigDecimal(7)));
                },
                granularity.name(), dimension.name(), Timestamp.from(starts.getFirst().toInstant()),
                Timestamp.from(end(range).toInstant()));
        return List.copyOf(byMember.values());
    }

    /**
     * Visits by member and bucket start (only buckets with visits), or null when {@code dimension} has no visits (a
     * log names no region or order type).
     */
    public Map<String, Map<ZonedDateTime, Long>> visits(Granularity granularity, Dimension dimension,
                                                        DateRange range) {
        if (!VisitTrafficHandler.DIMENSIONS.contains(dimension)) {
            return null;
        }
        Map<String, Map<ZonedDateTime, Long>> byMember = new HashMap<>();
        jdbc.query("""
                        SELECT member, bucket_start, visits FROM forecast.visits
                        WHERE granularity = ? AND dimension = ? AND bucket_start >= ? AND bucket_start < ?""",
                row -> {
                    byMember.computeIfAbsent(row.getString(1), any -> new HashMap<>())
                            .put(row.getTimestamp(2).toInstant().atZone(zone), row.getLong(3));
                },
                granularity.name(), dimension.name(),
                Timestamp.from(granularity.bucketOf(range.from().atStartOfDay(zone)).toInstant()),
                Timestamp.from(end(range).toInstant()));
        return byMember;
    }

    private ZonedDateTime end(DateRange range) {
        return range.to().plusDays(1).atStartOfDay(zone);
    }
}
