package io.keliu.bench;

import io.keliu.contracts.v1.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * forecast-service's performance targets (issue 12), each beside a reference measured in the same run:
 * <ol>
 * <li>a year of traffic by day and province with buckets as 10M order lines leave them, p95 over HTTP (reference: the
 * service's SQL alone over JDBC);</li>
 * <li>live: change event sent → order event received on the SSE stream, p99, with 200 stream clients connected
 * (reference: the same events received by a plain Kafka consumer);</li>
 * <li>refresh of 1,000 series of two years of daily orders (reference: reading the same series over JDBC).</li>
 * </ol>
 * Usage (bench/forecast-service.sh starts PostgreSQL and the broker): {@code --bootstrap localhost:29092 --jdbc
 * jdbc:postgresql://localhost:25432/postgres --out bench/out [--clients 200] [--events 300] [--series 1000]}
 */
public final class ForecastServiceBenchmark {
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"LIVE-(\\d+)-(\\d+)\"");

    private final Map<String, String> options;
    private final Path out;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ResultTable results = new ResultTable();

    private ForecastServiceBenchmark(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(option("out", "bench/out"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arguments.of(args);
        new ForecastServiceBenchmark(options).run();
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        int series = Integer.parseInt(option("series", "1000"));
        Process service = startService(series);
        try {
            service().awaitHealthy();
            trafficQuery();
            live(Integer.parseInt(option("clients", "200")), Integer.parseInt(option("events", "300")));
            refresh(series);
        } finally {
            service.destroy();
            service.waitFor();
        }
        results.print(out.resolve("forecast-service-results.md"));
    }

    // ---- 1. traffic over a year by day and province ----

    /** Day, week, month and hour buckets of 2025 as 10M order lines leave them ({@link StoredOrders}). */
    private void trafficQuery() throws Exception {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            new StoredOrders(StoredOrders.LINES_PER_DAY_AT_10M).forecastTraffic(statement,
                    List.of("DAY", "HOUR", "WEEK", "MONTH"), "2024-12-30 00:00+08", "2025-12-31 23:00+08");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM forecast.traffic")) {
                rows.next();
                System.out.printf("forecast.traffic holds %,d bucket rows%n", rows.getLong(1));
            }
        }
        String path = "/api/v1/traffic?from=2025-01-01&to=2025-12-31&granularity=day&groupBy=province";
        for (int i = 0; i < 20; i++) {
            get(path);
        }
        long[] viaHttp = times(200, () -> get(path).body().length());
        long[] sqlAlone;
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("""
                SELECT member, bucket_start, orders, lines, customers, anonymous_orders, revenue FROM forecast.traffic
                WHERE granularity = 'DAY' AND dimension = 'PROVINCE' AND bucket_start >= ? AND bucket_start < ?""")) {
            query.setTimestamp(1, java.sql.Timestamp.from(Instant.parse("2024-12-31T16:00:00Z")));
            query.setTimestamp(2, java.sql.Timestamp.from(Instant.parse("2025-12-31T16:00:00Z")));
            sqlAlone = times(200, () -> {
                int count = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        count++;
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return count;
            });
        }
        results.row("GET /api/v1/traffic, 2025 by day and province (34 × 365 points), buckets of 10M lines",
                "p50 " + ms(viaHttp, 0.5) + ", p95 " + ms(viaHttp, 0.95),
                "its SQL alone: p50 " + ms(sqlAlone, 0.5) + ", p95 " + ms(sqlAlone, 0.95), "p95 < 100 ms");
    }

    // ---- 2. live ----

    /**
     * Opens {@code clients} streams, then sends {@code events} new orders to keliu.orders.v1 at 5 a second (within
     * the ticker's 10 a second) and measures, on one stream, the time from send to the order event.
     */
    private void live(int clients, int events) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger connected = new AtomicInteger();
        List<HttpClient> streams = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            HttpClient client = HttpClient.newHttpClient();
            streams.add(client);
            boolean measuring = c == 0;
            client.sendAsync(BenchTokens.signed(URI.create(base() + "/api/v1/traffic/stream")).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
                connected.incrementAndGet();
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                        StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        Matcher id = ORDER_ID.matcher(line);
                        if (measuring && id.find()) {
                            Long sent = sentAt.get(id.group(1) + "-" + id.group(2));
                            if (sent != null) {
                                latencies.add(System.nanoTime() - sent);
                            }
                        }
                    }
                } catch (IOException closed) {
                    // the benchmark is over
                }
            });
        }
        while (connected.get() < clients) {
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        String run = Long.toString(System.currentTimeMillis() % 100000);
        List<Long> consumerLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reference = Thread.ofPlatform().start(() -> plainConsumer(sentAt, consumerLatencies, events));
        Thread.sleep(3000);
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, option("bootstrap",
                "localhost:29092"), ProducerConfig.LINGER_MS_CONFIG, 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                String key = run + "-" + i;
                String event = liveEvent("LIVE-" + key);
                sentAt.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.ORDERS, "U-" + key, event));
                producer.flush();
                Thread.sleep(200);
            }
        }
        Thread.sleep(5000);
        reference.join(30_000);
        streams.forEach(HttpClient::shutdownNow);
        long[] sse = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] kafka = consumerLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        results.row("live: change event sent → SSE order event, " + events + " orders at 5/s, " + clients + " streams open",
                "p50 " + ms(sse, 0.5) + ", p99 " + ms(sse, 0.99) + " (" + sse.length + " received)",
                "plain Kafka consumer: p50 " + ms(kafka, 0.5) + ", p99 " + ms(kafka, 0.99), "p99 < 2 s");
    }

    private void plainConsumer(Map<String, Long> sentAt, List<Long> latencies, int events) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, option("bootstrap",
                "localhost:29092"), ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS).stream()
                    .map(info -> new TopicPartition(Topics.ORDERS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long deadline = System.nanoTime() + Duration.ofSeconds(events / 5 + 60).toNanos();
            while (latencies.size() < events && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Matcher id = ORDER_ID.matcher(record.value());
                    if (id.find()) {
                        Long sent = sentAt.get(id.group(1) + "-" + id.group(2));
                        if (sent != null) {
                            latencies.add(System.nanoTime() - sent);
                        }
                    }
                }
            }
        }
    }

    private static String liveEvent(String orderId) {
        Instant now = Instant.now();
        String line = ("{\"orderId\":\"%s\",\"lineKey\":\"1\",\"userId\":\"U-%s\",\"anonymous\":false,"
                + "\"createdAt\":\"%s\",\"paidAt\":null,\"productId\":\"P1\",\"category\":null,\"quantity\":1,"
                + "\"unitPrice\":null,\"amount\":9.90,\"shippingAddress\":null,\"province\":\"广东省\",\"city\":null,"
                + "\"country\":\"CN\",\"orderType\":\"WEB\",\"channel\":\"APP\",\"status\":\"PAID\",\"cancelled\":false,"
                + "\"remark\":null,\"updatedAt\":null}").formatted(orderId, orderId, now);
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"schemaVersion\":1,\"key\":\"" + orderId
                + "/1\",\"occurredAt\":\"" + now + "\",\"before\":null,\"after\":" + line + "}";
    }

    // ---- 3. refresh of 1,000 series ----

    /** Two years of daily orders for the total, provinces and channels (1,000 series), then one refresh. */
    private void refresh(int series) throws Exception {
        int provinces = series / 2;
        int channels = series - 1 - provinces;
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute("TRUNCATE forecast.traffic, forecast.forecasts");
            statement.execute("""
                    INSERT INTO forecast.traffic
                    SELECT 'DAY', d.dimension, m.member, b,
                           greatest(0, round(m.level * (1 + 0.3 * sin(2 * pi() * extract(doy FROM b) / 365.25))
                               * CASE WHEN extract(isodow FROM b) >= 6 THEN 1.3 ELSE 1 END
                               * (1 + 0.1 * (random() - 0.5))))::bigint, 0, 0, 0, 0
                    FROM generate_series(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') - interval '730 days',
                                         date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 day',
                                         interval '1 day') AS local_day,
                         LATERAL (SELECT local_day AT TIME ZONE 'Asia/Shanghai' AS b) AS bucket,
                         (VALUES ('TOTAL', 1), ('PROVINCE', %1$d), ('CHANNEL', %2$d)) AS d(dimension, members),
                         LATERAL (SELECT CASE WHEN d.dimension = 'TOTAL' THEN '' ELSE d.dimension || '-' || n END
                                         AS member, 20 + n %%50 * 10 AS level
                                  FROM generate_series(1, d.members) AS n) AS m""".formatted(provinces, channels));
        }
        long readStart = System.nanoTime();
        int rows = 0;
        try (Connection db = connect(); Statement statement = db.createStatement();
             ResultSet all = statement.executeQuery("SELECT dimension, member, bucket_start, orders FROM "
                     + "forecast.traffic WHERE granularity = 'DAY' ORDER BY dimension, member, bucket_start")) {
            while (all.next()) {
                rows++;
            }
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        long start = System.nanoTime();
        String answer = post("/api/v1/forecasts/refresh");
        double seconds = (System.nanoTime() - start) / 1e9;
        int refreshed = answer.split("\",\"", -1).length;
        results.row("POST /api/v1/forecasts/refresh: " + refreshed + " series × 730 days, automatic choice + 90-day forecast",
                String.format("%.1f s", seconds), String.format("reading the %,d daily rows over JDBC: %.2f s", rows,
                        readSeconds), "< 60 s");
    }

    // ---- plumbing ----

    private BenchService service() {
        return new BenchService("forecast-service",
                option("service-jar", "forecast-service/target/forecast-service-0.1.0-SNAPSHOT.jar"), port(),
                option("jdbc", "jdbc:postgresql://localhost:25432/postgres"), option("bootstrap", "localhost:29092"));
    }

    private Process startService(int series) throws IOException {
        return service().start(List.of("-Xmx1g"), Map.of(
                "KELIU_FORECAST_MAXSERIESPERDIMENSION", Integer.toString(series),
                "SPRING_KAFKA_CONSUMER_GROUP_ID", "bench-" + UUID.randomUUID()), out);
    }

    private static long[] times(int count, java.util.function.Supplier<Integer> work) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "n/a";
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1f ms", sorted[Math.max(0, index)] / 1e6);
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(BenchTokens.signed(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(BenchTokens.signed(URI.create(base() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String base() {
        return "http://localhost:" + port();
    }

    private String port() {
        return option("port", "28383");
    }

    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(option("jdbc", "jdbc:postgresql://localhost:25432/postgres"), "postgres",
                "postgres");
    }
}
