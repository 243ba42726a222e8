package io.keliu.orderanalytics.reports;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.latency.LatencyHistogram;
import io.keliu.orderanalytics.reports.OrderReport.Point;
import io.keliu.orderanalytics.reports.OrderReport.Series;
import io.keliu.orderanalytics.rollups.Dimension;
import io.keliu.orderanalytics.rollups.Measures;
import io.keliu.orderanalytics.web.BadParameterException;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Order reports from the rollups: hourly rows for hours, daily rows for days, weeks and months. A range is taken at
 * the precision of its buckets: to whole hours for hours, to whole days otherwise; a week or month cut by the range
 * holds only the range's days.
 */
@Service
public class OrderReportService {
    static final int MAX_POINTS = 100_000;
    private static final String MEASURES = "orders, lines, units, gross_revenue, refunds, cancelled_orders,"
            + " refunded_orders, latency::text AS latency";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public OrderReportService(JdbcTemplate jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.zone = platform.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * @param groupBy null for one series of all orders
     * @param now     the moment that tells the running bucket from the complete ones
     */
    public OrderReport report(TimeRange range, Granularity granularity, Dimension groupBy, Comparison compare,
                              Instant now) {
        Dimension dimension = groupBy == null ? Dimension.ALL : groupBy;
        List<Instant> buckets = buckets(range, granularity);
        OrderReport.Compared compared = null;
        if (compare != null) {
            TimeRange other = compare.of(range, zone);
            compared = new OrderReport.Compared(compare.word(), other.from().toString(), other.to().toString(),
                    series(other, granularity, dimension, buckets(other, granularity)));
        }
        Instant running = runningBucket(buckets, range, now);
        return new OrderReport(zone.getId(), granularity.word(), range.from().toString(), range.to().toString(),
                groupBy == null ? null : groupBy.parameter(), now.atZone(zone).toOffsetDateTime().toString(),
                running == null ? null : running.atZone(zone).toOffsetDateTime().toString(),
                series(range, granularity, dimension, buckets), compared);
    }

    /** The last bucket begun by {@code now}, if the range has not ended by then. */
    private static Instant runningBucket(List<Instant> buckets, TimeRange range, Instant now) {
        if (!now.isBefore(range.to())) {
            return null;
        }
        return buckets.stream().filter(start -> !start.isAfter(now)).reduce((first, second) -> second).orElse(null);
    }

    /** The measures per group of a whole range (one bucket), as the scheduled reports and top lists need them. */
    public Map<String, Measures> totals(TimeRange range, Dimension dimension) {
        Map<String, Measures> totals = new TreeMap<>();
        LocalDate from = range.from().atZone(zone).toLocalDate();
        LocalDate to = lastDay(range).plusDays(1);
        jdbc.query("SELECT member, " + MEASURES + " FROM order_rollup_day WHERE dimension = ? AND day >= ?"
                        + " AND day < ?",
                (ResultSet row) -> {
                    totals.computeIfAbsent(row.getString("member"), m -> Measures.zero()).add(measures(row), 1);
                }, dimension.parameter(), Date.valueOf(from), Date.valueOf(to));
        return totals;
    }

    private List<Series> series(TimeRange range, Granularity granularity, Dimension dimension, List<Instant> buckets) {
        Map<String, Map<Instant, Measures>> groups = new TreeMap<>();
        if (granularity == Granularity.HOUR) {
            jdbc.query("SELECT member, bucket_start, " + MEASURES + " FROM order_rollup_hour WHERE dimension = ?"
                            + " AND bucket_start >= ? AND bucket_start < ?",
                    (ResultSet row) -> {
                        add(groups, row, row.getTimestamp("bucket_start").toInstant());
                    }, dimension.parameter(), Timestamp.from(buckets.getFirst()), Timestamp.from(range.to()));
        } else {
            LocalDate from = range.from().atZone(zone).toLocalDate();
            jdbc.query("SELECT member, day, " + MEASURES + " FROM order_rollup_day WHERE dimension = ?"
                            + " AND day >= ? AND day < ?",
                    (ResultSet row) -> {
                        LocalDate bucket = granularity.bucketOf(row.getDate("day").toLocalDate());
                        add(groups, row, bucket.atStartOfDay(zone).toInstant());
                    }, dimension.parameter(), Date.valueOf(from), Date.valueOf(lastDay(range).plusDays(1)));
        }
        List<Series> series = new ArrayList<>();
        groups.forEach((group, points) -> {
            Measures total = Measures.zero();
            points.values().forEach(measures -> total.add(measures, 1));
            series.add(new Series(dimension == Dimension.ALL ? "all" : group, point(buckets.getFirst(), total),
                    buckets.stream().map(start -> point(start, points.getOrDefault(start, Measures.zero()))).toList()));
        });
        return series;
    }

    private static void add(Map<String, Map<Instant, Measures>> groups, ResultSet row, Instant bucket)
            throws SQLException {
        groups.computeIfAbsent(row.getString("member"), m -> new TreeMap<>())
                .computeIfAbsent(bucket, b -> Measures.zero()).add(measures(row), 1);
    }

    private List<Instant> buckets(TimeRange range, Granularity granularity) {
        List<Instant> buckets = new ArrayList<>();
        if (granularity == Granularity.HOUR) {
            long hours = ChronoUnit.HOURS.between(range.from(), range.to());
            checkSize(hours);
            for (Instant hour = range.from().atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
                 hour.isBefore(range.to()); hour = hour.plus(1, ChronoUnit.HOURS)) {
                buckets.add(hour);
            }
            return buckets;
        }
        LocalDate last = lastDay(range);
        checkSize(ChronoUnit.DAYS.between(range.from().atZone(zone).toLocalDate(), last) / switch (granularity) {
            case WEEK -> 7;
            case MONTH -> 28;
            default -> 1;
        });
        for (LocalDate day = granularity.bucketOf(range.from().atZone(zone).toLocalDate()); !day.isAfter(last);
             day = granularity.next(day)) {
            buckets.add(day.atStartOfDay(zone).toInstant());
        }
        return buckets;
    }

    private static void checkSize(long points) {
        if (points > MAX_POINTS) {
            throw new BadParameterException("granularity", "the range holds about " + points + " buckets, more than "
                    + MAX_POINTS + "; choose a coarser granularity or a shorter range");
        }
    }

    /** The last day the range touches. */
    private LocalDate lastDay(TimeRange range) {
        return range.to().minusNanos(1).atZone(zone).toLocalDate();
    }

    public static Measures measures(ResultSet row) throws SQLException {
        return new Measures(row.getLong("orders"), row.getLong("lines"), row.getLong("units"),
                row.getBigDecimal("gross_revenue"), row.getBigDecimal("refunds"), row.getLong("cancelled_orders"),
                row.getLong("refunded_orders"), LatencyHistogram.fromJson(row.getString("latency")));
    }

    Point point(Instant start, Measures m) {
        long orders = m.orders();
        double[] latency = m.latency().quantiles(0.5, 0.9);
        return new Point(start.atZone(zone).toOffsetDateTime().toString(), orders, m.lines(), m.units(),
                m.grossRevenue(), m.refunds(), m.netRevenue(),
                orders == 0 ? null : m.netRevenue().divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP),
                m.cancelledOrders(), rate(m.cancelledOrders(), orders), m.refundedOrders(),
                rate(m.refundedOrders(), orders), latency == null ? null : latency[0],
                latency == null ? null : latency[1]);
    }

    private static Double rate(long count, long orders) {
        return orders == 0 ? null : (double) count / orders;
    }
}
