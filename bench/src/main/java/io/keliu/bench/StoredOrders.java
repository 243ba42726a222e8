package io.keliu.bench;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The services' stored data as a number of order lines over some days leave it, written straight into their tables
 * with SQL (the projections would take hours for 10M lines). A day of 10M lines a year holds 27,400 lines in about
 * 11,000 orders; {@code linesPerDay} scales every count and amount from there. Used by bench/forecast-service.sh,
 * bench/order-analytics.sh and bench/dashboard.sh.
 */
final class StoredOrders {
    /** The lines of a day when a year holds 10M. */
    static final long LINES_PER_DAY_AT_10M = 27_400;

    /** An order's province, channel and type as the services store them (the contracts' names), by order number. */
    private static final String PROVINCE = "(ARRAY['广东省', '浙江省', '江苏省', '上海市', '北京市', '四川省', '山东省',"
            + " '湖北省'])[1 + o % 8]";
    private static final String CHANNEL = "(ARRAY['PC', 'MOBILE', 'WECHAT', 'APP', 'STORE', 'OTHER'])[1 + o % 6]";
    private static final String ORDER_TYPE = "(ARRAY['PHONE', 'WEB', 'PICKUP', 'OTHER'])[1 + o % 4]";

    private final double scale;

    /** @param linesPerDay order lines a day ({@link #LINES_PER_DAY_AT_10M} for 10M a year) */
    StoredOrders(long linesPerDay) {
        this.scale = (double) linesPerDay / LINES_PER_DAY_AT_10M;
    }

    /** {@code lines} over {@code days} days. */
    static StoredOrders of(long lines, int days) {
        return new StoredOrders(Math.max(1, lines / days));
    }

    /**
     * order-analytics' day and hour rollups of the days {@code first}…{@code last}: dimension 'all' and every member
     * of the channels, order types, statuses, 34 provinces, the country, 40 categories (and 2,000 products by day).
     */
    void orderAnalyticsRollups(Statement sql, LocalDate first, LocalDate last) throws SQLException {
        sql.execute("TRUNCATE order_analytics.order_rollup_day, order_analytics.order_rollup_hour");
        sql.execute("""
                INSERT INTO order_analytics.order_rollup_day
                SELECT d.dimension, day::date, m.member, floor(11000 * %1$s / d.members), floor(27400 * %1$s / d.members),
                       floor(41000 * %1$s / d.members), floor(1800000 * %1$s / d.members)::numeric,
                       floor(30000 * %1$s / d.members)::numeric, floor(500 * %1$s / d.members),
                       floor(150 * %1$s / d.members), jsonb_build_object('z', 3, '390', floor(900 * %1$s / d.members),
                       '430', floor(2000 * %1$s / d.members), '470', floor(1500 * %1$s / d.members),
                       '520', floor(400 * %1$s / d.members))
                FROM generate_series(date '%2$s', date '%3$s', interval '1 day') AS day,
                     (VALUES ('all', 1), ('channel', 6), ('orderType', 4), ('status', 7), ('province', 34),
                             ('country', 1), ('category', 40), ('product', 2000)) AS d(dimension, members),
                     LATERAL (SELECT CASE WHEN d.dimension = 'all' THEN '' ELSE d.dimension || '-' || n END AS member
                              FROM generate_series(1, d.members) AS n) AS m""".formatted(factor(), first, last));
        sql.execute("""
                INSERT INTO order_analytics.order_rollup_hour
                SELECT dimension, day::timestamp AT TIME ZONE 'Asia/Shanghai' + h * interval '1 hour', member,
                       orders / 24, lines / 24, units / 24, gross_revenue / 24, refunds / 24,
                       cancelled_orders / 24, refunded_orders / 24, latency
                FROM order_analytics.order_rollup_day, generate_series(0, 23) AS h
                WHERE dimension <> 'product'""");
        sql.execute("ANALYZE order_analytics.order_rollup_day");
        sql.execute("ANALYZE order_analytics.order_rollup_hour");
    }

    /**
     * forecast.traffic's buckets of the given granularities (MINUTE, HOUR, DAY, WEEK, MONTH) starting from
     * {@code first} to {@code last} (timestamps with zone, as PostgreSQL reads them), over 34 provinces, 300 cities,
     * 6 channels and 4 order types.
     */
    void forecastTraffic(Statement sql, List<String> granularities, String first, String last) throws SQLException {
        sql.execute("TRUNCATE forecast.traffic");
        for (String granularity : granularities) {
            trafficBuckets(sql, granularity, first, last);
        }
    }

    /** forecast.traffic's buckets of one granularity from {@code first} to {@code last}, added to those it has. */
    void trafficBuckets(Statement sql, String granularity, String first, String last) throws SQLException {
        String step = switch (granularity) {
            case "MINUTE" -> "1 minute";
            case "HOUR" -> "1 hour";
            case "WEEK" -> "1 week";
            case "MONTH" -> "1 month";
            default -> "1 day";
        };
        String per = switch (granularity) {
            case "MINUTE" -> "1.0 / 1440";
            case "HOUR" -> "1.0 / 24";
            case "WEEK" -> "7";
            case "MONTH" -> "30";
            default -> "1";
        };
        sql.execute("""
                INSERT INTO forecast.traffic
                SELECT '%1$s', d.dimension, m.member, b, (11000 * %3$s * %6$s / d.members)::bigint,
                       (27400 * %3$s * %6$s / d.members)::bigint, (9000 * %3$s * %6$s / d.members)::bigint,
                       (800 * %3$s * %6$s / d.members)::bigint, (1800000 * %3$s * %6$s / d.members)::numeric(19,4)
                FROM generate_series(timestamptz '%4$s', timestamptz '%5$s', interval '%2$s') AS b,
                     (VALUES ('TOTAL', 1), ('PROVINCE', 34), ('CITY', 300), ('COUNTRY', 1), ('CHANNEL', 6),
                             ('ORDER_TYPE', 4)) AS d(dimension, members),
                     LATERAL (SELECT CASE WHEN d.dimension = 'TOTAL' THEN '' ELSE d.dimension || '-' || n END
                              AS member FROM generate_series(1, d.members) AS n) AS m
                ON CONFLICT DO NOTHING""".formatted(granularity, step, per, first, last, factor()));
        sql.execute("ANALYZE forecast.traffic");
    }

    /**
     * The order lines themselves, {@code lines} of them in orders of 1–4 lines created evenly from {@code from} to
     * {@code to}: order-analytics' lines, funnel and customers' orders, and forecast-service's lines.
     */
    static void orderLines(Statement sql, long lines, Instant from, Instant to) throws SQLException {
        long orders = Math.max(1, lines * 2 / 5); // 2.5 lines an order
        String created = String.format(Locale.ROOT, "(timestamptz '%s' + (o - 1) * interval '%.6f seconds')", from,
                Duration.between(from, to).toMillis() / 1000.0 / orders);
        String everyLine = """
                FROM generate_series(1, %d) AS o, generate_series(1, 1 + o %% 4) AS l""".formatted(orders);
        sql.execute("TRUNCATE order_analytics.order_lines, order_analytics.order_funnel, forecast.order_lines");
        sql.execute("""
                INSERT INTO order_analytics.order_lines (order_id, line_key, user_id, created_at, paid_at, product_id,
                    category, quantity, amount, province, country, order_type, channel, status, cancelled)
                SELECT 'S' || o, l::text, 'U' || (o %% 300000), %1$s, %1$s + interval '2 minutes',
                       'P' || (o * 7 + l) %% 2000, 'category-' || (o + l) %% 40, 1 + l %% 3, 10 + (o * 13 + l) %% 300,
                       %3$s, 'CN', %4$s, %5$s, 'COMPLETED', false
                %2$s""".formatted(created, everyLine, PROVINCE, ORDER_TYPE, CHANNEL));
        sql.execute("""
                INSERT INTO forecast.order_lines (order_id, line_key, created_at, user_id, quantity, amount, cancelled,
                    province, city, country, channel, order_type)
                SELECT 'S' || o, l::text, %1$s, 'U' || (o %% 300000), 1 + l %% 3, 10 + (o * 13 + l) %% 300, false,
                       %3$s, 'city-' || 1 + o %% 300, 'CN', %5$s, %4$s
                %2$s""".formatted(created, everyLine, PROVINCE, ORDER_TYPE, CHANNEL));
        sql.execute("""
                INSERT INTO order_analytics.order_funnel (order_id, created_at, placed, channel, province, paid, paid_at,
                    shipped, completed, retention_user_id)
                SELECT 'S' || o, %1$s, true, %3$s, %4$s, true, %1$s + interval '2 minutes', true, true,
                       'U' || (o %% 300000)
                FROM generate_series(1, %2$d) AS o""".formatted(created, orders, CHANNEL, PROVINCE));
        for (String table : List.of("order_analytics.order_lines", "order_analytics.order_funnel",
                "forecast.order_lines")) {
            sql.execute("ANALYZE " + table);
        }
    }

    private String factor() {
        return String.format(Locale.ROOT, "%.6f", scale);
    }
}
