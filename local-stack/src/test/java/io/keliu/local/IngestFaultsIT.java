package io.keliu.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.Topics;
import io.keliu.local.kafka.LocalBroker;
import io.keliu.local.kafka.TopicSetup;
import io.keliu.local.postgres.LocalPostgres;
import io.keliu.local.services.ServiceJars;
import io.keliu.local.services.ServiceProcess;
import io.keliu.local.services.ServiceSpec;
import io.keliu.testsupport.GatewayTokens;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingest (its jar, in a child JVM, as the platform runs it) against a real PostgreSQL and a real broker while they fail:
 * each case streams or imports lines while one fault is injected, then compares the store and the change topic with
 * what was sent. Every sent line must be stored exactly once (or dead-lettered with its reason), every stored change
 * must have its event, no event may exist without its stored change, and health must tell the truth.
 * <p>
 * Sizes: 12,000 lines per stream case, sent at 2,000 lines/s so that the fault lands mid-stream with batches in
 * flight, and a 20,000-line import sent at 5,000 lines/s; smaller than the 100k so that the whole class runs
 * in a few minutes on a shared two-core machine. The faults do not depend on volume: each case checks that batches
 * were in flight when it struck.
 */
class IngestFaultsIT {
    private static final int STREAM_LINES = 12_000;
    private static final int STREAM_RATE = 2_000;
    private static final int IMPORT_LINES = 20_000;
    private static final int IMPORT_RATE = 5_000;
    private static final Duration RECOVERY = Duration.ofSeconds(180);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static int postgresPort;
    private static int kafkaPort;
    private static int controllerPort;
    private static ServiceSpec ingestSpec;
    private static LocalPostgres postgres;
    private static LocalBroker broker;
    private static ServiceProcess ingest;

    @BeforeAll
    static void startTheParts() throws InterruptedException {
        postgresPort = FreePorts.any();
        kafkaPort = FreePorts.any();
        controllerPort = FreePorts.any();
        postgres = LocalPostgres.start(postgresPort, data.resolve("postgres"));
        startBroker();
        ingestSpec = new ServiceSpec("ingest-service", FreePorts.any(), Map.of(
                "KELIU_DB_URL", LocalPostgres.jdbcUrl(postgresPort), "KELIU_DB_USER", LocalPostgres.USER,
                "KELIU_DB_PASSWORD", LocalPostgres.PASSWORD, "KELIU_KAFKA_BOOTSTRAP", bootstrap(),
                "KELIU_GATEWAY_JWKS_URL", GatewayTokens.jwkSetUri()));
        startIngest();
    }

    @AfterAll
    static void stopTheParts() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void idsWithANulOrHalfASurrogatePairAreDeadLetteredAndTheRestFlows() throws Exception {
        String run = run("BAD");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, run, rawLine(run + "-nul\\u0000")));
            producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, run, rawLine(run + "-half\\ud800")));
            producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, run, rawLine(run + "-good")));
        }
        assertStoredOnceWithEvents(run, 1, 2);
        assertThat(String.join("\n", query("SELECT reason FROM ingest.dead_letters WHERE payload LIKE '%" + run + "%'")))
                .contains("order_id: contains a control character (U+0000) at character " + (run.length() + 5))
                .contains("order_id: contains half a surrogate pair (U+D800) at character " + (run.length() + 6));
        assertThat(health()).isEqualTo("UP");
    }

    @Test
    void postgresStoppedForFifteenSecondsMidStream() throws Exception {
        String run = run("PG");
        Stream stream = Stream.start(run);
        awaitStoredAtLeast(run, STREAM_LINES / 5);
        postgres.close();
        boolean sawDown = false;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            sawDown |= "DOWN".equals(health());
            Thread.sleep(500);
        }
        postgres = LocalPostgres.start(postgresPort, data.resolve("postgres"));
        assertThat(sawDown).as("health while PostgreSQL was down").isTrue();
        stream.finish();
        assertStoredOnceWithEvents(run, STREAM_LINES);
    }

    @Test
    void brokerRestartedMidStream() throws Exception {
        String run = run("KAFKA");
        Stream stream = Stream.start(run);
        awaitStoredAtLeast(run, STREAM_LINES / 5);
        broker.close();
        Thread.sleep(5_000);
        startBroker();
        stream.finish();
        assertStoredOnceWithEvents(run, STREAM_LINES);
    }

    @Test
    void killedMidBatchOnTheStream() throws Exception {
        String run = run("KILL");
        Stream stream = Stream.start(run);
        awaitStoredAtLeast(run, STREAM_LINES / 5);
        ingest.kill();
        assertThat(stored(run)).as("lines stored when killed").isLessThan(STREAM_LINES);
        startIngest();
        stream.finish();
        assertStoredOnceWithEvents(run, STREAM_LINES);
    }

    @Test
    void killedDuringAnImportThenTheImportRunAgain() throws Exception {
        String run = run("IMPORT");
        CompletableFuture<HttpResponse<String>> killed = importFile(run, IMPORT_RATE);
        awaitStoredAtLeast(run, 5_000);
        ingest.kill();
        long storedWhenKilled = stored(run);
        assertThat(storedWhenKilled).as("lines stored when killed").isLessThan(IMPORT_LINES);
        assertThat(killed).failsWithin(Duration.ofSeconds(30));
        startIngest();
        await(() -> query("SELECT count(*) FROM ingest.outbox").equals(List.of("0")));
        assertStoredOnceWithEvents(run, stored(run)); // what the killed import committed, each with its event
        HttpResponse<String> again = importFile(run, Integer.MAX_VALUE).get(RECOVERY.toSeconds(), TimeUnit.SECONDS);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(again.body());
        assertThat(summary.get("accepted").asLong() + summary.get("duplicates").asLong()).isEqualTo(IMPORT_LINES);
        assertThat(summary.get("rejected").asLong()).isZero();
        assertStoredOnceWithEvents(run, IMPORT_LINES);
    }

    private static void assertStoredOnceWithEvents(String run, long lines) throws Exception {
        assertStoredOnceWithEvents(run, lines, 0);
    }

    /**
     * The store holds {@code lines} lines of the run and {@code deadLetters} dead letters, and the change topic one
     * event per stored line (duplicates by event id allowed) whose "after" is the stored line; no event of the run is
     * for anything else. Health is UP.
     */
    private static void assertStoredOnceWithEvents(String run, long lines, int deadLetters) throws Exception {
        awaitStoredAtLeast(run, lines);
        await(() -> query("SELECT count(*) FROM ingest.dead_letters WHERE payload LIKE '%" + run + "-%'")
                .equals(List.of(String.valueOf(deadLetters))));
        Map<String, String> storedAmounts = new HashMap<>();
        for (String row : query("SELECT order_id || '/' || line_key || '=' || amount FROM ingest.order_lines"
                + " WHERE order_id LIKE '" + run + "-%'")) {
            storedAmounts.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        assertThat(storedAmounts).hasSize((int) lines);
        Map<String, Set<String>> eventIds = new HashMap<>();
        Map<String, String> eventAmounts = new HashMap<>();
        readChanges(event -> {
            String key = event.get("key").asString();
            if (key.startsWith(run + "-")) {
                eventIds.computeIfAbsent(key, k -> new HashSet<>()).add(event.get("eventId").asString());
                eventAmounts.put(key, event.get("after").get("amount").asString());
            }
            return eventIds.keySet().containsAll(storedAmounts.keySet());
        });
        assertThat(eventIds.keySet()).as("keys of the change events").isEqualTo(storedAmounts.keySet());
        assertThat(eventIds.values()).as("event ids per stored line").allSatisfy(ids -> assertThat(ids).hasSize(1));
        eventAmounts.forEach((key, amount) -> assertThat(new BigDecimal(amount)).as(key)
                .isEqualByComparingTo(storedAmounts.get(key)));
        await(() -> "UP".equals(health()));
    }

    /** Lines sent to the raw topic at a steady rate from a thread of their own. */
    private record Stream(CompletableFuture<Void> sending) {
        static Stream start(String run) {
            return new Stream(CompletableFuture.runAsync(() -> {
                try (KafkaProducer<String, String> producer = producer()) {
                    long started = System.nanoTime();
                    for (int i = 0; i < STREAM_LINES; i++) {
                        long wait = started + i * 1_000_000_000L / STREAM_RATE - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, run + "-" + i, rawLine(run + "-" + i)));
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        void finish() {
            sending.join();
        }
    }

    private static CompletableFuture<HttpResponse<String>> importFile(String run, int linesPerSecond) {
        StringBuilder csv = new StringBuilder("order_id,user_id,created_at,product_id,quantity,amount,status\n");
        for (int i = 0; i < IMPORT_LINES; i++) {
            csv.append(run).append('-').append(i).append(",U").append(i % 700)
                    .append(",2026-11-20T20:15:00,P").append(i % 50).append(",1,").append(10 + i % 90)
                    .append(".50,已付款\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        long bytesPerSecond = (long) body.length * linesPerSecond / IMPORT_LINES;
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + ingestSpec.port()
                                + "/api/v1/imports/orders")).header("Content-Type", "text/csv")
                        .header("Authorization", GatewayTokens.bearer(Role.OPS))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Throttled(body, bytesPerSecond)))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The file's bytes at a given pace, so that an import is still running when the process is killed. */
    private static final class Throttled extends InputStream {
        private final byte[] bytes;
        private final long bytesPerSecond;
        private final long started = System.nanoTime();
        private int position;

        Throttled(byte[] bytes, long bytesPerSecond) {
            this.bytes = bytes;
            this.bytesPerSecond = Math.max(1, bytesPerSecond);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            long due = started + position * 1_000_000_000L / bytesPerSecond;
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int count = Math.min(Math.min(length, 8192), bytes.length - position);
            System.arraycopy(bytes, position, into, offset, count);
            position += count;
            return count;
        }
    }

    private static void readChanges(java.util.function.Predicate<JsonNode> done) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ORDERS));
            long deadline = System.nanoTime() + RECOVERY.toNanos();
            boolean finished = false;
            while (!finished && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    finished = done.test(JSON.readTree(record.value()));
                }
            }
        }
    }

    private static void startBroker() {
        broker = LocalBroker.start(kafkaPort, controllerPort, data.resolve("kafka"));
        TopicSetup.createTopics(bootstrap());
    }

    private static void startIngest() throws InterruptedException {
        ingest = ServiceProcess.launch(ingestSpec,
                List.of("-jar", ServiceJars.find(KeliuHome.locate(), "ingest-service").toString()), data.resolve("logs"));
        ingest.awaitHealthy(RECOVERY);
    }

    private static String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    private static String run(String fault) {
        return fault + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String rawLine(String orderId) {
        int n = Math.floorMod(orderId.hashCode(), 90);
        return "{\"order_id\":\"" + orderId + "\",\"user_id\":\"U" + n + "\",\"created_at\":\"2026-11-20T20:15:00\","
                + "\"product_id\":\"P1\",\"quantity\":1,\"amount\":\"" + (10 + n) + ".50\",\"status\":\"已付款\"}";
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    private static void awaitStoredAtLeast(String run, long lines) throws Exception {
        await(() -> stored(run) >= lines);
    }

    private static long stored(String run) throws SQLException {
        List<String> count = query("SELECT count(*) FROM ingest.order_lines WHERE order_id LIKE '" + run + "-%'");
        return count.isEmpty() ? -1 : Long.parseLong(count.getFirst());
    }

    /** The first column of every row; empty while the database cannot be reached or has no schema yet. */
    private static List<String> query(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(LocalPostgres.jdbcUrl(postgresPort), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "08001".equals(e.getSQLState())) {
                return List.of();
            }
            throw e;
        }
    }

    private static String health() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ingestSpec.healthUrl()))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("status").asString();
        } catch (IOException | RuntimeException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + RECOVERY.toSeconds() + " s; ingest log: " + ingest.logFile());
            }
            Thread.sleep(250);
        }
    }
}
