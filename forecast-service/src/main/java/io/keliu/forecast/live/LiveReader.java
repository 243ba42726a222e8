package io.keliu.forecast.live;

import io.keliu.forecast.traffic.Dimension;
import io.keliu.forecast.traffic.TrafficCounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Minute buckets of the last hour(s), and window totals by group with customers counted once per window. */
@Repository
class LiveReader {
    private final JdbcTemplate jdbc;

    LiveReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Instant, TrafficCounts> minutes(Instant from, Instant to) {
        Map<Instant, TrafficCounts> minutes = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT bucket_start, orders, lines, customers, anonymous_orders, revenue FROM forecast.traffic
                        WHERE granularity = 'MINUTE' AND dimension = 'TOTAL' AND bucket_start >= ? AND bucket_start < ?
                        ORDER BY bucket_start""",
                row -> {
                    minutes.put(row.getTimestamp(1).toInstant(), new TrafficCounts(row.getLong(2), row.getLong(3),
                            row.getLong(4), row.getLong(5), row.getBigDecimal(6)));
                }, Timestamp.from(from), Timestamp.from(to));
        return minutes;
    }

    /** Totals per member over the window, busiest first; customers are distinct over the whole window. */
    Map<String, TrafficCounts> totals(Dimension dimension, Instant from, Instant to) {
        Map<String, TrafficCounts> totals = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT t.member, sum(t.orders), sum(t.lines),
                               (SELECT count(DISTINCT c.user_id) FROM forecast.traffic_customers c
                                WHERE c.granularity = 'MINUTE' AND c.dimension = t.dimension AND c.member = t.member
                                  AND c.bucket_start >= ? AND c.bucket_start < ?),
                               sum(t.anonymous_orders), sum(t.revenue)
                        FROM forecast.traffic t
                        WHERE t.granularity = 'MINUTE' AND t.dimension = ? AND t.bucket_start >= ? AND t.bucket_start < ?
                        GROUP BY t.dimension, t.member ORDER BY sum(t.orders) DESC, t.member""",
                row -> {
                    totals.put(row.getString(1), new TrafficCounts(row.getLong(2), row.getLong(3), row.getLong(4),
                            row.getLong(5), row.getBigDecimal(6)));
                }, Timestamp.from(from), Timestamp.from(to), dimension.name(), Timestamp.from(from), Timestamp.from(to));
        return totals;
    }

    /** Visits per minute of the window (only minutes with visits). */
    Map<Instant, Long> visitMinutes(Instant from, Instant to) {
        Map<Instant, Long> minutes = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT bucket_start, visits FROM forecast.visits
                        WHERE granularity = 'MINUTE' AND dimension = 'TOTAL' AND bucket_start >= ? AND bucket_start < ?
                        ORDER BY bucket_start""",
                row -> {
                    minutes.put(row.getTimestamp(1).toInstant(), row.getLong(2));
                }, Timestamp.from(from), Timestamp.from(to));
        return minutes;
    }

    /** Visits per channel over the window ("" for logs naming none), most first. */
    Map<String, Long> visitsByChannel(Instant from, Instant to) {
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT member, sum(visits) FROM forecast.visits
                        WHERE granularity = 'MINUTE' AND dimension = 'CHANNEL' AND bucket_start >= ? AND bucket_start < ?
                        GROUP BY member HAVING sum(visits) <> 0 ORDER BY sum(visits) DESC, member""",
                row -> {
                    totals.put(row.getString(1), row.getLong(2));
                }, Timestamp.from(from), Timestamp.from(to));
        return totals;
    }
}
