package io.keliu.orderanalytics.rollups;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.funnel.FunnelStore;
import io.keliu.testsupport.EmbeddedPostgresInitializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order projection against a real PostgreSQL (the service's migrations, no broker): what it leaves in its tables
 * does not depend on how the changes were cut into batches, although a batch skips the writes its changes cannot
 * alter.
 */
class OrdersProjectionTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant CREATED = Instant.parse("2024-12-01T15:50:00Z");
    /** Every table the projection writes, each row as text; rollup rows that hold nothing left out. */
    private static final Map<String, String> TABLES = Map.of(
            "order_lines", "SELECT t::text FROM order_lines t ORDER BY 1",
            "order_funnel", "SELECT t::text FROM order_funnel t ORDER BY 1",
            "order_rollup_hour", rollup("order_rollup_hour", "bucket_start"),
            "order_rollup_day", rollup("order_rollup_day", "day"));

    private static String rollup(String table, String bucket) {
        return "SELECT concat_ws('/', dimension, " + bucket + ", member, orders, lines, units, trim_scale(gross_revenue),"
                + " trim_scale(refunds), cancelled_orders, refunded_orders, latency) FROM " + table
                + " WHERE (orders, lines, units, gross_revenue, refunds, cancelled_orders, refunded_orders, latency)"
                + " <> (0, 0, 0, 0, 0, 0, 0, '{}'::jsonb) ORDER BY 1";
    }

    @Test
    void one_event_per_batch_leaves_the_tables_that_one_batch_of_all_events_leaves() {
        List<ChangeEvent<OrderLine>> changes = randomChanges(new Random(7), 200);
        Schema oneByOne = new Schema();
        changes.forEach(change -> oneByOne.apply(List.of(change)));
        Schema inTens = new Schema();
        for (int i = 0; i < changes.size(); i += 10) {
            inTens.apply(changes.subList(i, Math.min(changes.size(), i + 10)));
        }
        Schema atOnce = new Schema();
        atOnce.apply(changes);

        Map<String, List<String>> expected = atOnce.tables();
        assertThat(expected.get("order_funnel")).anyMatch(row -> !row.endsWith(",)")); // counted for retention
        assertThat(expected.get("order_funnel")).anyMatch(row -> row.contains(",t,"));
        assertThat(oneByOne.tables()).isEqualTo(expected);
        assertThat(inTens.tables()).isEqualTo(expected);
    }

    @Test
    void a_cancellation_after_payment_counts_the_order_as_placed_and_cancelled_and_a_repeat_changes_nothing() {
        Schema schema = new Schema();
        OrderLine created = line("O-1", "A", null, OrderStatus.PENDING_PAYMENT, false);
        OrderLine paid = line("O-1", "A", CREATED.plusSeconds(120), OrderStatus.PAID, false);
        OrderLine cancelled = line("O-1", "A", CREATED.plusSeconds(120), OrderStatus.CANCELLED, true);
        schema.apply(List.of(event(null, created)));
        schema.apply(List.of(event(created, paid)));
        assertThat(schema.jdbc.queryForList("SELECT order_id FROM order_funnel WHERE retention_user_id IS NOT NULL", String.class))
                .containsExactly("O-1");
        schema.apply(List.of(event(paid, cancelled)));

        Map<String, Object> day = schema.jdbc.queryForMap("SELECT orders, cancelled_orders, lines, gross_revenue,"
                + " latency::text AS latency FROM order_rollup_day WHERE dimension = 'all'");
        assertThat(day.get("orders")).isEqualTo(1L);
        assertThat(day.get("cancelled_orders")).isEqualTo(1L);
        assertThat(day.get("lines")).isEqualTo(0L);
        assertThat((BigDecimal) day.get("gross_revenue")).isEqualByComparingTo("0");
        assertThat(day.get("latency")).isNotEqualTo("{}");
        assertThat(schema.jdbc.queryForObject("SELECT paid FROM order_funnel", Boolean.class)).isTrue();
        assertThat(schema.jdbc.queryForList("SELECT order_id FROM order_funnel WHERE retention_user_id IS NOT NULL", String.class)).isEmpty();

        Map<String, List<String>> before = schema.tables();
        schema.apply(List.of(event(cancelled, cancelled)));
        assertThat(schema.tables()).isEqualTo(before);
    }

    @Test
    void a_cancellation_before_payment_takes_the_order_out_of_its_customers_retention() {
        Schema schema = new Schema();
        OrderLine created = line("O-1", "A", null, OrderStatus.PENDING_PAYMENT, false);
        OrderLine cancelled = line("O-1", "A", null, OrderStatus.CANCELLED, true);
        schema.apply(List.of(event(null, created)));
        assertThat(schema.jdbc.queryForList("SELECT retention_user_id FROM order_funnel", String.class))
                .containsExactly(created.userId());
        schema.apply(List.of(event(created, cancelled)));
        assertThat(schema.jdbc.queryForList("SELECT retention_user_id FROM order_funnel", String.class))
                .containsOnlyNulls().hasSize(1);
    }

    /** The service's schema in a database of its own, and the projection writing into it. */
    private static final class Schema {
        final JdbcTemplate jdbc;
        final OrdersProjection projection;

        Schema() {
            String database = "orders_projection_" + DATABASES.incrementAndGet();
            JdbcTemplate admin = new JdbcTemplate(EmbeddedPostgresInitializer.server().getPostgresDatabase());
            admin.execute("CREATE DATABASE " + database);
            String url = EmbeddedPostgresInitializer.server().getJdbcUrl("postgres", database);
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                    url + (url.contains("?") ? "&" : "?") + "currentSchema=order_analytics", "postgres", "postgres",
                    true);
            Flyway.configure().dataSource(dataSource).schemas("order_analytics").defaultSchema("order_analytics")
                    .locations("classpath:db/projection", "classpath:db/migration").load().migrate();
            jdbc = new JdbcTemplate(dataSource);
            projection = new OrdersProjection(new OrderLineStore(jdbc), new RollupStore(jdbc), new FunnelStore(jdbc),
                    new PlatformProperties(ZoneId.of("Asia/Shanghai")), jdbc, new SimpleMeterRegistry());
        }

        void apply(List<ChangeEvent<OrderLine>> events) {
            projection.apply(events);
        }

        Map<String, List<String>> tables() {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            TABLES.forEach((table, query) -> rows.put(table, jdbc.queryForList(query, String.class)));
            return rows;
        }
    }

    /**
     * Changes to a few orders: lines added, changed (status, payment, customer, channel, creation time, amount,
     * refund lines) and removed, each with the line as it stood before. A line once paid keeps its payment time and
     * no order loses its last line, so that the funnel's history (paid once, paid at) is the same however the changes
     * are batched.
     */
    private static List<ChangeEvent<OrderLine>> randomChanges(Random random, int count) {
        Map<String, Map<String, OrderLine>> orders = new HashMap<>();
        List<ChangeEvent<OrderLine>> changes = new ArrayList<>();
        while (changes.size() < count) {
            String orderId = "O-" + random.nextInt(25);
            Map<String, OrderLine> lines = orders.computeIfAbsent(orderId, id -> new LinkedHashMap<>());
            String key = "L" + random.nextInt(3);
            OrderLine before = lines.get(key);
            if (before != null && before.paidAt() == null && lines.size() > 1 && random.nextInt(8) == 0) {
                lines.remove(key);
                changes.add(event(before, null));
                continue;
            }
            OrderLine after = randomLine(orderId, key, before, random);
            lines.put(key, after);
            changes.add(event(before, after));
        }
        return changes;
    }

    private static OrderLine randomLine(String orderId, String key, OrderLine before, Random random) {
        OrderStatus status = OrderStatus.values()[random.nextInt(OrderStatus.values().length)];
        boolean negative = status.reverses() && random.nextInt(4) == 0;
        Instant created = random.nextInt(5) == 0 || before == null
                ? CREATED.plusSeconds(1800L * random.nextInt(4)) : before.createdAt();
        Instant paidAt = before != null && before.paidAt() != null ? before.paidAt()
                : random.nextInt(3) == 0 ? created.plusSeconds(60 + random.nextInt(900)) : null;
        return new OrderLine(orderId, key, random.nextInt(4) == 0 ? null : "U" + random.nextInt(3), false, created,
                paidAt, "P" + random.nextInt(4), random.nextBoolean() ? "CAT-" + random.nextInt(2) : null,
                (1 + random.nextInt(3)) * (negative ? -1 : 1), null,
                new BigDecimal((negative ? "-" : "") + (10 + random.nextInt(90)) + ".25"), null, "浙江省", null, "CN",
                OrderType.WEB, Channel.values()[random.nextInt(3)], status,
                status == OrderStatus.CANCELLED && random.nextBoolean(), null,
                CREATED.plusSeconds(random.nextInt(86_400)));
    }

    private static OrderLine line(String orderId, String key, Instant paidAt, OrderStatus status, boolean cancelled) {
        return new OrderLine(orderId, key, "U1", false, CREATED, paidAt, "P1", "CAT-1", 2, null,
                new BigDecimal("30.00"), null, "浙江省", null, "CN", OrderType.WEB, Channel.WECHAT, status, cancelled,
                null, paidAt == null ? CREATED : paidAt);
    }

    private static ChangeEvent<OrderLine> event(OrderLine before, OrderLine after) {
        OrderLine line = after != null ? after : before;
        return new ChangeEvent<>(UUID.randomUUID().toString(), ChangeEvent.SCHEMA_VERSION,
                line.orderId() + "/" + line.lineKey(), CREATED, before, after);
    }
}
