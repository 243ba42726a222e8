package io.keliu.bench;

import io.keliu.testsupport.GatewayTokens;
import io.keliu.contracts.v1.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * order-analytics-service's performance targets (issue 13), each beside a reference measured in the same run:
 * <ol>
 * <li>the projection alone: change events already on keliu.orders.v1, the service started on an empty schema,
 * events applied per second (reference: a plain consumer reading and decoding the same events);</li>
 * <li>a year's report by day and channel with rollups of 10M order lines, p50/p95 over HTTP (reference: the SQL of
 * the report alone over JDBC);</li>
 * <li>basket rules over 1M orders: refit and mining (reference: reading the same rows over JDBC);</li>
 * <li>a PDF report (reference: the same report as HTML).</li>
 * </ol>
 * Usage (bench/order-analytics.sh starts PostgreSQL and the broker): {@code --bootstrap localhost:29092 --jdbc
 * jdbc:postgresql://localhost:25432/postgres --out bench/out [--events 500000] [--orders 1000000] [--only projection]}
 */
public final class OrderAnalyticsBenchmark {
    private static final String[] CHANNELS = {"APP", "WECHAT", "MOBILE", "PC", "STORE", "OTHER"};
    private static final String[] PROVINCES = {"广东省", "浙江省", "江苏省", "上海市", "北京市", "四川省", "山东省", "湖北省"};
    private static final String[] CATEGORIES = {"数码", "家居", "服饰", "食品", "美妆", "母婴", "图书", "运动"};

    private final Map<String, String> options;
    private final Path out;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ResultTable results = new ResultTable();

    private OrderAnalyticsBenchmark(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(option("out", "bench/out"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arguments.of(args);
        new OrderAnalyticsBenchmark(options).run();
        System.exit(0); // the gateway key server of GatewayTokens would keep the JVM running
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        int events = Integer.parseInt(option("events", "500000"));
        System.out.printf("producing %,d order change events…%n", events);
        produce(events);
        double referenceRate = events / consumeAndDecode(events);
        Process service = startService();
        try {
            Projected projected = awaitProjection(events, service.pid());
            results.row("projection alone, " + fmt(events) + " change events", fmt(events / projected.seconds())
                            + " events/s (" + projected.cpu() + ")",
                    "plain consumer + JSON decode: " + fmt(referenceRate) + " events/s", "≥ 50,000 events/s");
            if (!option("only", "").equals("projection")) {
                reportBenchmark();
                rulesBenchmark(Integer.parseInt(option("orders", "1000000")));
                pdfBenchmark();
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
        results.print(out.resolve("order-analytics-results.md"));
    }

    // ---- 1. the projection ----

    /** Orders of 1–4 lines; every third order gets a second version (paid, then a fifth of those cancelled). */
    private void produce(int events) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, option("bootstrap", "localhost:29092"));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // as ingest-service publishes change events
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Random random = new Random(13);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            int sent = 0;
            for (int order = 0; sent < events; order++) {
                String orderId = "B" + order;
                String user = "U" + random.nextInt(200_000);
                Instant created = start.plusSeconds(order * 30L);
                int lines = 1 + random.nextInt(4);
                boolean laterVersion = order % 3 == 0;
                for (int line = 1; line <= lines && sent < events; line++) {
                    String product = "P" + (int) Math.floor(Math.pow(random.nextDouble(), 3) * 2000);
                    int quantity = 1 + random.nextInt(3);
                    String amount = String.format(Locale.ROOT, "%.2f", quantity * (5 + random.nextInt(300)) + 0.5);
                    String first = line(orderId, line, user, created, null, product, quantity, amount,
                            "PENDING_PAYMENT", false, random);
                    producer.send(new ProducerRecord<>(Topics.ORDERS, user, event(orderId, line, null, first)));
                    sent++;
                    if (laterVersion && sent < events) {
                        boolean cancel = order % 15 == 0;
                        String second = line(orderId, line, user, created, created.plusSeconds(30 + random.nextInt(600)),
                                product, quantity, amount, cancel ? "CANCELLED" : "PAID", cancel, random);
                        producer.send(new ProducerRecord<>(Topics.ORDERS, user, event(orderId, line, first, second)));
                        sent++;
                    }
                }
            }
            producer.flush();
        }
    }

    private static String line(String orderId, int line, String user, Instant created, Instant paid, String product,
                               int quantity, String amount, String status, boolean cancelled, Random random) {
        return ("{\"orderId\":\"%s\",\"lineKey\":\"%d\",\"userId\":\"%s\",\"anonymous\":false,\"createdAt\":\"%s\","
                + "\"paidAt\":%s,\"productId\":\"%s\",\"category\":\"%s\",\"quantity\":%d,\"unitPrice\":null,"
                + "\"amount\":%s,\"shippingAddress\":null,\"province\":\"%s\",\"city\":null,\"country\":\"CN\","
                + "\"orderType\":\"WEB\",\"channel\":\"%s\",\"status\":\"%s\",\"cancelled\":%s,\"remark\":null,"
                + "\"updatedAt\":%s}").formatted(orderId, line, user, created, paid == null ? "null" : "\"" + paid + "\"",
                product, CATEGORIES[Math.abs(product.hashCode()) % CATEGORIES.length], quantity, amount,
                PROVINCES[Math.abs(user.hashCode()) % PROVINCES.length], CHANNELS[random.nextInt(4)], status,
                cancelled, paid == null ? "null" : "\"" + paid + "\"");
    }

    private static byte[] event(String orderId, int line, String before, String after) {
        return ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"schemaVersion\":1,\"key\":\"" + orderId + "/" + line
                + "\",\"occurredAt\":\"" + Instant.now() + "\",\"before\":" + (before == null ? "null" : before)
                + ",\"after\":" + after + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Seconds a plain consumer takes to read and parse every event (Jackson tree). */
    private double consumeAndDecode(int events) {
        tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, option("bootstrap",
                "localhost:29092"), ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long started = System.nanoTime();
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS).stream()
                    .map(info -> new TopicPartition(Topics.ORDERS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < events) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    json.readTree(record.value());
                    read++;
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private Process startService() throws IOException {
        return new BenchService("order-analytics",
                option("service-jar", "order-analytics-service/target/order-analytics-service-0.1.0-SNAPSHOT.jar"),
                port(), jdbcUrl(), option("bootstrap", "localhost:29092"))
                .start(List.of("-Xmx768m"), Map.of("SPRING_KAFKA_CONSUMER_GROUP_ID", "bench-" + UUID.randomUUID()), out);
    }

    /** How long the projection took for all events, and the CPU it cost after its first batch. */
    private record Projected(double seconds, String cpu) {}

    /**
     * Seconds from the first applied batch to the last event, read from the projection's stored offsets, scaled to
     * all events; and the CPU of the service and PostgreSQL from the first batch on (the start-up left out).
     */
    private Projected awaitProjection(int events, long servicePid) throws Exception {
        long startedAt = 0;
        long first = 0;
        CpuAccounting cpu = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        try (Connection db = connect()) {
            while (System.nanoTime() < deadline) {
                long applied = applied(db);
                long now = System.nanoTime();
                if (startedAt == 0 && applied > 0) {
                    startedAt = now;
                    first = applied;
                    cpu = CpuAccounting.start(servicePid, URI.create(jdbcUrl().substring("jdbc:".length())).getPort(),
                            Integer.parseInt(option("bootstrap", "localhost:29092").replaceFirst(".*:", "")));
                }
                if (applied >= events) {
                    return new Projected((now - startedAt) / 1e9 * events / (events - first),
                            cpu.perEvent(events - first));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the projection did not finish within 20 minutes; see " + out);
    }

    private static long applied(Connection db) {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(sum(next_offset), 0) FROM"
                     + " order_analytics.projection_offsets WHERE topic = 'keliu.orders.v1'")) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException notYetCreated) {
            return 0;
        }
    }

    // ---- 2. the report ----

    /** Rollups as 10M order lines over a year would leave them ({@link StoredOrders}); the year by day and channel,
     *  200 times. */
    private void reportBenchmark() throws Exception {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            new StoredOrders(StoredOrders.LINES_PER_DAY_AT_10M).orderAnalyticsRollups(statement,
                    LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"));
        }
        String path = "/api/v1/orders/report?from=2025-01-01&to=2025-12-31&granularity=day&groupBy=channel";
        long[] http = times(200, () -> {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200 || !response.body().contains("\"channel-6\"")) {
                throw new IllegalStateException("unexpected answer " + response.statusCode());
            }
            return response.body().length();
        });
        long[] sql;
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("""
                SELECT member, day, orders, lines, units, gross_revenue, refunds, cancelled_orders, refunded_orders,
                       latency::text FROM order_analytics.order_rollup_day
                WHERE dimension = 'channel' AND day >= ? AND day < ?""")) {
            query.setObject(1, LocalDate.parse("2025-01-01"));
            query.setObject(2, LocalDate.parse("2026-01-01"));
            sql = times(200, () -> {
                int rows = 0;
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        result.getString(10);
                        rows++;
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return rows;
            });
        }
        results.row("report: a year by day and channel (rollups of 10M lines), 200 requests",
                "p50 " + ms(http, 0.5) + ", p95 " + ms(http, 0.95), "its SQL alone: p50 " + ms(sql, 0.5) + ", p95 "
                        + ms(sql, 0.95), "p95 < 100 ms");
    }

    // ---- 3. basket rules ----

    private void rulesBenchmark(int orders) throws Exception {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute("TRUNCATE order_analytics.order_lines");
            statement.execute(("""
                    INSERT INTO order_analytics.order_lines (order_id, line_key, user_id, created_at, paid_at,
                        product_id, category, quantity, amount, channel, status, cancelled)
                    SELECT 'R' || o, l::text, 'U' || (o %% 300000), now() - (o %% 80) * interval '1 day', NULL,
                           'P' || floor(power(random(), 3) * 2000)::int, NULL, 1, 10.00, 'APP', 'COMPLETED', false
                    FROM generate_series(1, %d) AS o, generate_series(1, 1 + (o %% 4)) AS l
                    ON CONFLICT DO NOTHING""").formatted(orders));
            statement.execute("ANALYZE order_analytics.order_lines");
        }
        long[] read;
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            read = times(1, () -> {
                int rows = 0;
                try (ResultSet result = statement.executeQuery("SELECT order_id, line_key, product_id, quantity,"
                        + " amount, status, cancelled FROM order_analytics.order_lines"
                        + " WHERE created_at >= now() - interval '90 days'")) {
                    while (result.next()) {
                        rows++;
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return rows;
            });
        }
        long[] refit = times(1, () -> post("/api/v1/baskets/refit").length());
        long[] mine = times(1, () -> {
            HttpResponse<String> response = get("/api/v1/baskets/rules?minSupport=0.001&minConfidence=0.1&limit=10");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("rules: " + response.statusCode() + " " + response.body());
            }
            return response.body().length();
        });
        double total = (refit[0] + mine[0]) / 1e9;
        results.row("nightly rules over " + fmt(orders) + " orders (refit + FP-growth at support 0.001)",
                String.format(Locale.ROOT, "%.1f s (refit %.1f s, mining %.1f s)", total, refit[0] / 1e9,
                        mine[0] / 1e9), String.format(Locale.ROOT, "reading the rows over JDBC: %.1f s", read[0] / 1e9),
                "< 30 s");
    }

    // ---- 4. the PDF ----

    private void pdfBenchmark() {
        String report = post("/api/v1/reports", "{\"from\":\"2025-06-01\",\"to\":\"2025-06-07\"}");
        String id = report.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        long[] pdf = times(20, () -> get("/api/v1/reports/" + id + "?format=pdf").body().length());
        long[] html = times(20, () -> get("/api/v1/reports/" + id + "?format=html").body().length());
        results.row("a weekly report as PDF, 20 requests", "p50 " + ms(pdf, 0.5) + ", max " + ms(pdf, 1.0),
                "as HTML: p50 " + ms(html, 0.5), "< 5 s");
    }

    // ---- helpers ----

    /** Sorted durations in nanoseconds of {@code count} runs after {@code count / 10} unmeasured ones. */
    private static long[] times(int count, Supplier<Integer> work) {
        for (int i = 0; i < count / 10; i++) {
            work.get();
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String ms(long[] sorted, double quantile) {
        long nanos = sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(BenchTokens.signed(URI.create("http://localhost:" + port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String post(String path) {
        return post(path, "");
    }

    private String post(String path, String body) {
        try {
            HttpResponse<String> response = http.send(BenchTokens.signed(URI.create("http://localhost:" + port()
                            + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String port() {
        return option("service-port", "31084");
    }

    private String jdbcUrl() {
        return option("jdbc", "jdbc:postgresql://localhost:25432/postgres");
    }

    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }
}
