package io.keliu.bench;

import io.keliu.testsupport.GatewayTokens;
import com.sun.net.httpserver.HttpServer;
import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.contracts.v1.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * notify-service under load (issue 14), against a WeCom robot stand-in in this JVM:
 * <ol>
 *   <li>throughput: 10,000 alerts in one minute over 100 groups, then every alert id must be in a SENT
 *   notification;</li>
 *   <li>latency: alerts one by one, each opening a group of its own (so no grouping window applies), timed from the
 *   send to the topic to the stub's receipt; the reference is the same alerts' trip through the broker alone.</li>
 * </ol>
 * The service runs with groupWait 0 s and groupInterval 10 s, and the robot rate limit lifted (the stub is no WeCom).
 */
public final class NotifyBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MARK = Pattern.compile("bench-[a-z]+-\\d+");

    private final Map<String, String> options;
    private final Path out;
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private NotifyBenchmark(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(options.getOrDefault("out", "bench/out"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arguments.of(args);
        new NotifyBenchmark(options).run();
        System.exit(0); // the gateway key server of GatewayTokens would keep the JVM, and bench/notify.sh, running
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        HttpServer stub = robotStub();
        Process notify = startNotify(stub.getAddress().getPort());
        try {
            notifyService().awaitHealthy();
            subscribe();
            int alerts = Integer.parseInt(options.getOrDefault("alerts", "10000"));
            String throughput = throughput(alerts);
            String latency = latency(Integer.parseInt(options.getOrDefault("latency-alerts", "300")));
            System.out.println();
            System.out.println(throughput);
            System.out.println(latency);
        } finally {
            notify.destroy();
            notify.waitFor();
            stub.stop(0);
        }
    }

    /** WeCom's robot webhook as notify-service calls it; notes when each bench mark first arrives. */
    private HttpServer robotStub() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/cgi-bin/webhook/send", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher marks = MARK.matcher(body);
            while (marks.find()) {
                received.putIfAbsent(marks.group(), now);
            }
            byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    private BenchService notifyService() {
        return new BenchService("notify",
                options.getOrDefault("notify-jar", "notify-service/target/notify-service-0.1.0-SNAPSHOT.jar"), port(),
                options.getOrDefault("jdbc", "jdbc:postgresql://localhost:25532/postgres"), bootstrap());
    }

    private Process startNotify(int stubPort) throws Exception {
        return notifyService().start(List.of("-Xmx512m"), Map.of(
                "SPRING_KAFKA_CONSUMER_GROUP_ID", "bench-notify-" + run,
                "KELIU_NOTIFY_SECRET_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "KELIU_WECOM_BASE_URL", "http://localhost:" + stubPort,
                "KELIU_NOTIFY_DELIVERY_GROUPWAIT", "0s",
                "KELIU_NOTIFY_DELIVERY_GROUPINTERVAL", "10s",
                "KELIU_NOTIFY_OUTBOX_ROBOTPERMINUTE", "1000000"), out);
    }

    private String port() {
        return options.getOrDefault("notify-port", "18085");
    }

    private String bootstrap() {
        return options.getOrDefault("bootstrap", "localhost:29192");
    }

    private void subscribe() throws Exception {
        HttpResponse<String> response = http("POST", "/api/v1/subscriptions", """
                {"name": "bench", "groupBy": ["region"],
                 "recipients": [{"channel": "WECOM_ROBOT", "address": "bench-robot-key"}]}""");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("subscription refused: " + response.body());
        }
    }

    private String throughput(int count) throws Exception {
        long started = System.nanoTime();
        Set<String> ids = new HashSet<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < count; i++) {
                Alert alert = alert("bench-load-" + i, "region-" + (i % 100));
                ids.add(alert.alertId());
                producer.send(new ProducerRecord<>(Topics.ALERTS, alert.dedupeKey(), JSON.writeValueAsString(alert)));
                // an even rate: count alerts over one minute
                long due = started + (long) ((i + 1) * (60e9 / count));
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        double sent = (System.nanoTime() - started) / 1e9;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        int delivered = 0;
        while (Instant.now().isBefore(deadline)) {
            delivered = deliveredOf(ids);
            if (delivered == ids.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        double done = (System.nanoTime() - started) / 1e9;
        int notifications = count("select count(*) from notify.notifications where status = 'SENT'");
        int dead = count("select count(*) from notify.notifications where status <> 'SENT'");
        return """
                | 10,000 alerts/min through grouping | value |
                | --- | ---: |
                | alerts sent to keliu.alerts.v1 | %d in %.1f s |
                | alerts in a SENT notification | %d (%s) |
                | notifications sent (grouped, 100 groups, groupInterval 10 s) | %d |
                | notifications not sent | %d |
                | last alert delivered after the first was sent | %.1f s |
                """.formatted(count, sent, delivered, delivered == ids.size() ? "none lost" : "LOST "
                + (ids.size() - delivered), notifications, dead, done);
    }

    /** How many of the alert ids appear in SENT notifications. */
    private int deliveredOf(Set<String> ids) throws Exception {
        Set<String> found = new HashSet<>();
        try (Connection db = DriverManager.getConnection(options.getOrDefault("jdbc",
                "jdbc:postgresql://localhost:25532/postgres"), "postgres", "postgres");
             ResultSet rows = db.createStatement().executeQuery(
                     "select alert_ids from notify.notifications where status = 'SENT'")) {
            while (rows.next()) {
                found.addAll(Arrays.asList((String[]) rows.getArray(1).getArray()));
            }
        }
        found.retainAll(ids);
        return found.size();
    }

    private int count(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(options.getOrDefault("jdbc",
                "jdbc:postgresql://localhost:25532/postgres"), "postgres", "postgres");
             ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * Alerts sent one at a time (5 a second), each in a group of its own: from the send to the robot stub. The
     * reference: the same messages through the broker to a plain consumer, in the same run.
     */
    private String latency(int count) throws Exception {
        Map<String, Long> sentAt = new HashMap<>();
        List<Long> broker = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Map<String, Long> brokerSent = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String mark = "bench-lat-" + i;
                Alert alert = alert(mark, mark);
                long now = System.nanoTime();
                sentAt.put(mark, now);
                brokerSent.put(alert.alertId(), now);
                producer.send(new ProducerRecord<>(Topics.ALERTS, alert.dedupeKey(), JSON.writeValueAsString(alert)));
                producer.flush();
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Long at = brokerSent.remove(JSON.readTree(record.value()).path("alertId").asString());
                    if (at != null) {
                        broker.add(System.nanoTime() - at);
                    }
                });
            }
            Instant deadline = Instant.now().plusSeconds(30);
            while (!brokerSent.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Long at = brokerSent.remove(JSON.readTree(record.value()).path("alertId").asString());
                    if (at != null) {
                        broker.add(System.nanoTime() - at);
                    }
                });
            }
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && !sentAt.keySet().stream().allMatch(received::containsKey)) {
            Thread.sleep(200);
        }
        List<Long> latencies = new ArrayList<>();
        sentAt.forEach((mark, at) -> {
            Long got = received.get(mark);
            if (got != null) {
                latencies.add(got - at);
            }
        });
        return """
                | alert on the topic → provider accept, outside grouping windows | p50 | p95 | p99 | max | n |
                | --- | ---: | ---: | ---: | ---: | ---: |
                | notify-service to the robot stub | %s | %s | %s | %s | %d of %d |
                | reference: the broker alone (produce → consume) | %s | %s | %s | %s | %d |
                """.formatted(ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), ms(latencies, 1.0),
                latencies.size(), count, ms(broker, 0.50), ms(broker, 0.95), ms(broker, 0.99), ms(broker, 1.0),
                broker.size());
    }

    private static String ms(List<Long> nanos, double quantile) {
        if (nanos.isEmpty()) {
            return "–";
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return "%.0f ms".formatted(sorted.get(Math.max(index, 0)) / 1e6);
    }

    private Alert alert(String mark, String region) {
        return new Alert(mark + "-" + run, Alert.SCHEMA_VERSION, "traffic.anomaly", AlertSeverity.WARNING,
                AlertStatus.FIRING, mark + "-" + run, Map.of("region", region),
                new Alert.Localized(mark + " 订单异常", mark + " orders unusual"),
                new Alert.Localized("观测 120，预测区间 80–100。", "Observed 120, forecast 80–100."),
                Map.of("observed", 120.0, "expected", 90.0), Instant.now(), null, "bench", "/time");
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-reference-" + run), new StringDeserializer(),
                new StringDeserializer());
    }

    private HttpResponse<String> http(String method, String path, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(BenchTokens.signed(URI.create("http://localhost:" + port() + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
