package io.keliu.forecast.forecasts;

import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.forecast.PlatformProperties;
import io.keliu.forecast.traffic.Dimension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Daily order counts of a series from the traffic buckets: complete days only, a day without orders is 0. */
@Repository
public class DailyOrders {
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    DailyOrders(JdbcTemplate jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.zone = platform.zone();
    }

    /** From the series' first day with orders to {@code lastDay}; empty when it has none. */
    public Optional<DailySeries> history(SeriesId series, LocalDate lastDay) {
        return between(series, null, lastDay);
    }

    /** Days {@code from} (null: the first with orders) to {@code to}, zeros where nothing was ordered. */
    public Optional<DailySeries> between(SeriesId series, LocalDate from, LocalDate to) {
        Map<LocalDate, Double> counts = new HashMap<>();
        jdbc.query("""
                        SELECT bucket_start, orders FROM forecast.traffic
                        WHERE granularity = 'DAY' AND dimension = ? AND member = ? AND bucket_start >= ?
                          AND bucket_start < ?""",
                row -> {
                    counts.put(row.getTimestamp(1).toInstant().atZone(zone).toLocalDate(), (double) row.getLong(2));
                }, series.dimension().name(), series.member(),
                Timestamp.from((from == null ? LocalDate.of(1990, 1, 1) : from).atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        LocalDate first = from != null ? from
                : counts.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .min(LocalDate::compareTo).orElse(null);
        if (first == null || first.isAfter(to)) {
            return Optional.empty();
        }
        double[] values = new double[(int) (to.toEpochDay() - first.toEpochDay() + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = counts.getOrDefault(first.plusDays(i), 0.0);
        }
        return Optional.of(new DailySeries(first, values));
    }

    /**
     * The members of {@code dimension} with orders on at least {@code minDays} days up to {@code lastDay}, busiest
     * first, at most {@code limit}.
     */
    public List<String> membersWithHistory(Dimension dimension, LocalDate lastDay, int minDays, int limit) {
        return jdbc.queryForList("""
                        SELECT member FROM forecast.traffic
                        WHERE granularity = 'DAY' AND dimension = ? AND member <> '' AND orders > 0 AND bucket_start < ?
                        GROUP BY member HAVING count(*) >= ? ORDER BY sum(orders) DESC, member LIMIT ?""",
                String.class, dimension.name(), Timestamp.from(lastDay.plusDays(1).atStartOfDay(zone).toInstant()),
                minDays, limit);
    }

    public ZoneId zone() {
        return zone;
    }
}
