package io.keliu.ingest.stream;

import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.GatewayTokens;
import io.keliu.testsupport.KeliuIntegrationTest;
import io.keliu.testsupport.TopicReaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batches of about two records written by three writers at once, from the raw topic and from an import: the versions
 * of one order line, spread over many batches that are stored concurrently, must still reach the table and the change
 * topic in version order. (Versions that meet in one batch collapse into the newest, which alone gets an event.)
 */
@KeliuIntegrationTest
@TestPropertySource(properties = {"keliu.ingest.consumer.batch-size=2", "keliu.ingest.consumer.writers=3",
        "spring.kafka.consumer.max-poll-records=2", "keliu.ingest.imports.batch-size=2",
        "keliu.ingest.imports.writers=3"})
class ParallelWritersTest {
    private static final int VERSIONS = 40;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;
    @LocalServerPort
    int port;

    @Test
    void versionsOfOneLineSpreadOverConcurrentBatchesArriveInOrder() {
        for (int v = 1; v <= VERSIONS; v++) {
            send("O-hot", v);
            send("O-other-" + v, v); // another key in the same batches, on the same partition
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from ingest.order_lines", Long.class))
                    .isEqualTo(VERSIONS + 1L);
            assertThat(jdbc.queryForObject("select remark from ingest.order_lines where order_id = 'O-hot'",
                    String.class)).isEqualTo("v" + VERSIONS);
        });
        assertVersionOrder(changesOf("O-hot/P1"));
    }

    @Test
    void aLogSentAgainWithOtherContentKeepsItsFirstVersionWhateverTheWriterThatStoresIt() {
        for (int v = 1; v <= VERSIONS; v++) {
            sendLog("L-hot", "m" + v);
            sendLog("L-other-" + v, "m1");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from ingest.system_logs where log_id like 'L-other-%'", Long.class))
                .isEqualTo(VERSIONS));
        assertThat(jdbc.queryForObject("select message from ingest.system_logs where log_id = 'L-hot'",
                String.class)).isEqualTo("m1");
    }

    private void sendLog(String logId, String message) {
        String value = "{\"log_id\":\"" + logId + "\",\"level\":\"INFO\",\"message\":\"" + message
                + "\",\"logged_at\":\"2024-05-01T10:00:00\"}";
        kafka.send(Topics.RAW_LOGS, "same-partition", value.getBytes(StandardCharsets.UTF_8)).join();
    }

    @Test
    void versionsOfOneLineSpreadOverConcurrentlyWrittenImportBatchesApplyInFileOrder() throws Exception {
        // line_no makes the rows versions of one line (without it, each row of a file is a line of its own)
        StringBuilder csv = new StringBuilder("order_id,line_no,created_at,product_id,quantity,amount,remark,"
                + "updated_at\n");
        for (int v = 1; v <= VERSIONS; v++) {
            csv.append("I-hot,1,2024-05-01T10:00:00,P1,1,9.90,v").append(v).append(",2024-05-02T10:00:")
                    .append(String.format("%02d", v)).append('\n');
            csv.append("I-other-").append(v).append(",1,2024-05-01T10:00:00,P1,1,9.90,v1,\n");
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/imports/orders"))
                    .header("Content-Type", "text/csv").header("Authorization", GatewayTokens.bearer(Role.OPS))
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json.readTree(response.body()).get("accepted").asLong()).isEqualTo(2L * VERSIONS);
        }
        assertThat(jdbc.queryForObject("select remark from ingest.order_lines where order_id = 'I-hot'",
                String.class)).isEqualTo("v" + VERSIONS);
        assertVersionOrder(changesOf("I-hot/1"));
    }

    private static void assertVersionOrder(List<JsonNode> hot) {
        assertThat(hot.size()).as("events of the hot line (one per batch it was in)").isGreaterThan(VERSIONS / 2);
        assertThat(hot.getFirst().get("before").isNull()).isTrue();
        for (int i = 1; i < hot.size(); i++) {
            assertThat(version(hot.get(i))).isGreaterThan(version(hot.get(i - 1)));
            assertThat(hot.get(i).get("before")).isEqualTo(hot.get(i - 1).get("after"));
        }
    }

    private static int version(JsonNode event) {
        return Integer.parseInt(event.get("after").get("remark").asString().substring(1));
    }

    private void send(String orderId, int version) {
        String value = "{\"order_id\":\"" + orderId + "\",\"created_at\":\"2024-05-01T10:00:00\",\"product_id\":\"P1\","
                + "\"quantity\":1,\"amount\":\"9.90\",\"status\":\"待发货\",\"remark\":\"v" + version + "\","
                + "\"updated_at\":\"2024-05-02T10:00:" + String.format("%02d", version) + "\"}";
        kafka.send(Topics.RAW_ORDERS, "same-partition", value.getBytes(StandardCharsets.UTF_8)).join();
    }

    private List<JsonNode> changesOf(String key) {
        List<JsonNode> events = new ArrayList<>();
        try (Consumer<String, byte[]> changes = TopicReaders.fromEarliest(broker, "parallel-writers-" + key,
                Topics.ORDERS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : changes.poll(Duration.ofMillis(200))) {
                    JsonNode event = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
                    if (event.get("key").asString().equals(key)) {
                        events.add(event);
                    }
                }
                return !events.isEmpty() && version(events.getLast()) == VERSIONS;
            });
        }
        return events;
    }
}
