package io.keliu.orderanalytics.kpis;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.reports.Comparison;
import io.keliu.orderanalytics.reports.OrderReportService;
import io.keliu.orderanalytics.rollups.Measures;
import io.keliu.orderanalytics.rollups.OrderFacts;
import io.keliu.orderanalytics.rollups.OrderLineStore;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The overview's key figures of a range, of the period just before it (环比) and of the same dates a year earlier
 * (同比), by the definitions of docs/order-analytics.md ("Key figures"). A range reaching past now is taken to date,
 * and so are its comparisons: each period ends as long after its start as now is after the range's start.
 */
@Service
public class KpiService {
    private final JdbcTemplate jdbc;
    private final OrderLineStore lines;
    private final ZoneId zone;

    public KpiService(JdbcTemplate jdbc, OrderLineStore lines, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.zone = platform.zone();
    }

    /**
     * @param conversionRate paid orders ÷ placed orders created in the period (null without orders)
     */
    public record Period(Instant from, Instant to, long orders, BigDecimal netRevenue, BigDecimal averageOrderValue,
                         long activeCustomers, long paidOrders, Double conversionRate, long cancelledOrders,
                         Double cancellationRate, long refundedOrders, Double refundRate) {
    }

    /** @param toDate whether the range reached past now and every period was cut to date */
    public record Kpis(String zone, boolean toDate, Period current, Period previous, Period lastYear) {
    }

    public Kpis kpis(TimeRange range, Instant now) {
        boolean toDate = range.to().isAfter(now);
        Duration length = Duration.between(range.from(), toDate ? now : range.to());
        TimeRange previous = Comparison.PREVIOUS.of(range, zone);
        TimeRange lastYear = Comparison.LAST_YEAR.of(range, zone);
        return new Kpis(zone.getId(), toDate, period(range.from(), length), period(previous.from(), length),
                period(lastYear.from(), length));
    }

    private Period period(Instant from, Duration length) {
        Instant to = from.plus(length);
        Measures measures = measures(from, to);
        long orders = measures.orders();
        long[] funnel = jdbc.queryForObject("SELECT count(*), count(*) FILTER (WHERE paid OR shipped OR completed)"
                        + " FROM order_funnel WHERE placed AND created_at >= ? AND created_at < ?",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2)}, Timestamp.from(from), Timestamp.from(to));
        Long customers = jdbc.queryForObject("SELECT count(DISTINCT retention_user_id) FROM order_funnel"
                + " WHERE created_at >= ? AND created_at < ?", Long.class, Timestamp.from(from), Timestamp.from(to));
        return new Period(from, to, orders, measures.netRevenue(), orders == 0 ? null
                : measures.netRevenue().divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP),
                customers == null ? 0 : customers, funnel[1], rate(funnel[1], funnel[0]), measures.cancelledOrders(),
                rate(measures.cancelledOrders(), orders), measures.refundedOrders(),
                rate(measures.refundedOrders(), orders));
    }

    /** Whole hours from the hourly rollup; the parts of hours at either end from the orders' lines. */
    private Measures measures(Instant from, Instant to) {
        Measures total = Measures.zero();
        if (!to.isAfter(from)) {
            return total;
        }
        Instant firstWholeHour = ceilHour(from);
        Instant lastWholeHour = to.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        if (!firstWholeHour.isBefore(lastWholeHour)) {
            return total.add(ofLines(from, to), 1);
        }
        total.add(ofLines(from, firstWholeHour), 1).add(ofLines(lastWholeHour, to), 1);
        jdbc.query("SELECT orders, lines, units, gross_revenue, refunds, cancelled_orders, refunded_orders,"
                        + " latency::text AS latency FROM order_rollup_hour WHERE dimension = 'all'"
                        + " AND bucket_start >= ? AND bucket_start < ?",
                (ResultSet row) -> {
                    total.add(OrderReportService.measures(row), 1);
                }, Timestamp.from(firstWholeHour), Timestamp.from(lastWholeHour));
        return total;
    }

    /** The measures of the orders whose order time falls in [from, to), from their current lines. */
    private Measures ofLines(Instant from, Instant to) {
        Measures total = Measures.zero();
        if (!to.isAfter(from)) {
            return total;
        }
        for (OrderFacts order : lines.ordersWithLinesCreated(from, to)) {
            Instant created = order.createdAt();
            if (!created.isBefore(from) && created.isBefore(to)) {
                total.add(order.measures(order.lines()), 1);
            }
        }
        return total;
    }

    private Instant ceilHour(Instant instant) {
        Instant floor = instant.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    private static Double rate(long count, long of) {
        return of == 0 ? null : (double) count / of;
    }
}
