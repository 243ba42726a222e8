package io.keliu.orderanalytics.reports;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.web.Parameters.ApiWord;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.ZoneId;
import java.util.List;

/** The best-selling products of a range of days, from the daily product rollup. */
@Service
public class TopProducts {
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public TopProducts(JdbcTemplate jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.zone = platform.zone();
    }

    public enum By implements ApiWord { NET_REVENUE, UNITS }

    /** @param orders placed orders with a line of the product; refunds and net revenue as in the reports */
    public record TopProduct(String productId, long orders, long units, BigDecimal grossRevenue, BigDecimal refunds,
                             BigDecimal netRevenue) {
    }

    public List<TopProduct> top(TimeRange range, By by, int limit) {
        String order = by == By.UNITS ? "units DESC, net DESC" : "net DESC, units DESC";
        return jdbc.query("""
                        SELECT member, sum(orders) AS orders, sum(units) AS units, sum(gross_revenue) AS gross,
                               sum(refunds) AS refunds, sum(gross_revenue - refunds) AS net
                        FROM order_rollup_day WHERE dimension = 'product' AND day >= ? AND day < ?
                        GROUP BY member ORDER BY %s, member LIMIT ?""".formatted(order),
                (row, n) -> new TopProduct(row.getString("member"), row.getLong("orders"), row.getLong("units"),
                        row.getBigDecimal("gross"), row.getBigDecimal("refunds"), row.getBigDecimal("net")),
                Date.valueOf(range.from().atZone(zone).toLocalDate()),
                Date.valueOf(range.to().minusNanos(1).atZone(zone).toLocalDate().plusDays(1)), limit);
    }
}
