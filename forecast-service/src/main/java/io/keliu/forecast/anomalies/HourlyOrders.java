package io.keliu.forecast.anomalies;

import io.keliu.forecast.forecasts.SeriesId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;

/** Hour buckets of a series: one hour's orders, and the usual share of a day's orders per weekday and hour. */
@Repository
class HourlyOrders {
    private final JdbcTemplate jdbc;

    HourlyOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long orders(SeriesId series, Instant hourStart) {
        return jdbc.queryForList("""
                        SELECT orders FROM forecast.traffic WHERE granularity = 'HOUR' AND dimension = ? AND member = ?
                          AND bucket_start = ?""", Long.class, series.dimension().name(), series.member(),
                Timestamp.from(hourStart)).stream().findFirst().orElse(0L);
    }

    /**
     * The share of a {@code weekday}'s orders that fell in clock hour {@code hour}, over the hour buckets from
     * {@code from} to {@code to}; NaN when that weekday had no orders there.
     */
    double share(SeriesId series, DayOfWeek weekday, int hour, ZonedDateTime from, ZonedDateTime to, ZoneId zone) {
        long[] byHour = new long[24];
        jdbc.query("""
                        SELECT bucket_start, orders FROM forecast.traffic WHERE granularity = 'HOUR' AND dimension = ?
                          AND member = ? AND bucket_start >= ? AND bucket_start < ?""",
                row -> {
                    ZonedDateTime start = row.getTimestamp(1).toInstant().atZone(zone);
                    if (start.getDayOfWeek() == weekday) {
                        byHour[start.getHour()] += row.getLong(2);
                    }
                }, series.dimension().name(), series.member(), Timestamp.from(from.toInstant()),
                Timestamp.from(to.toInstant()));
        long day = Arrays.stream(byHour).sum();
        return day == 0 ? Double.NaN : (double) byHour[hour] / day;
    }
}
