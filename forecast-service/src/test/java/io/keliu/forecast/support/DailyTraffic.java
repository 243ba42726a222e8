package io.keliu.forecast.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Writes day buckets straight into the traffic table: history for forecasting tests. */
public final class DailyTraffic {
    private DailyTraffic() {
    }

    /** A weekly pattern (weekends ×1.3) around {@code level} with Poisson-like noise, seeded. */
    public static ToDoubleFunction<LocalDate> weekly(double level, long seed) {
        Random random = new Random(seed);
        return day -> {
            double mean = level * (day.getDayOfWeek().getValue() >= 6 ? 1.3 : 1.0);
            return Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
        };
    }

    public static void insert(JdbcTemplate jdbc, ZoneId zone, String dimension, String member, LocalDate from,
                              LocalDate to, ToDoubleFunction<LocalDate> orders) {
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long count = (long) orders.applyAsDouble(day);
            rows.add(new Object[]{dimension, member, Timestamp.from(day.atStartOfDay(zone).toInstant()), count,
                    count, count, count * 10});
        }
        jdbc.batchUpdate("""
                INSERT INTO forecast.traffic (granularity, dimension, member, bucket_start, orders, lines, customers,
                                              anonymous_orders, revenue)
                VALUES ('DAY', ?, ?, ?, ?, ?, ?, 0, ?)
                ON CONFLICT (granularity, dimension, bucket_start, member) DO UPDATE SET orders = excluded.orders""",
                rows);
    }
}
