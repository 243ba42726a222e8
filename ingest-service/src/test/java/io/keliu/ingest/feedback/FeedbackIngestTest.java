package io.keliu.ingest.feedback;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.ChangeEvents;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feedback end to end through the real database and broker: the example file's good and bad rows, its re-import, an
 * update with its "before", the export read back, and the raw topic.
 */
@KeliuIntegrationTest
class FeedbackIngestTest {
    private static final Path MESSY = Path.of("..", "examples", "feedback-messy.csv");
    private static final String OPS = GatewayTokens.bearer(Role.OPS);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void importsGoodRowsRejectsBadOnesByLinePublishesEachChangeOnceAndExportsWhatItHolds() throws Exception {
        try (Consumer<String, byte[]> changes = TopicReaders.fromEarliest(broker, "feedback-" + UUID.randomUUID(),
                Topics.FEEDBACK)) {
            JsonNode first = post("text/csv", Files.readString(MESSY));
            assertThat(first.get("accepted").asLong()).as(first.toString()).isEqualTo(8);
            assertThat(first.get("rejected").asLong()).isEqualTo(5);
            assertThat(first.get("errors").toString()).contains(
                    error(11, "rating", "7 is out of range [1, 5]"),
                    error(12, "kind", "'吐槽' is not a known value"),
                    error(13, "text", "is required but empty"),
                    error(14, "resolved_at", "is before created_at"),
                    error(15, "resolved_at", "is empty but the status is RESOLVED"));
            assertThat(jdbc.queryForObject("select text from ingest.feedback where feedback_id = 'FB-1003'",
                    String.class)).startsWith("The dress runs small").contains("\nPlease send an L");

            JsonNode again = post("text/csv", Files.readString(MESSY));
            assertThat(again.get("accepted").asLong()).isZero();
            assertThat(again.get("duplicates").asLong()).isEqualTo(8);
            assertThat(again.get("rejected").asLong()).isEqualTo(5);

            JsonNode update = post("application/x-ndjson", """
                    {"feedback_id":"FB-1001","user_id":"U100001","order_id":"SO20261120-0001","kind":"投诉","channel":"电话","rating":1,"text":"下单五天了还没收到货，物流信息一直没有更新。","created_at":"2026-11-20 09:12:00","status":"已解决","resolved_at":"2026-11-21 18:00:00","updated_at":"2026-11-21 18:00:00"}
                    {"feedback_id":"FB-1001","user_id":"U100001","order_id":"SO20261120-0001","kind":"投诉","channel":"电话","rating":1,"text":"下单五天了还没收到货，物流信息一直没有更新。","created_at":"2026-11-20 09:12:00","status":"待处理","updated_at":"2026-11-20 09:12:00"}
                    {"feedback_id":"FB-X","kind":"投诉","text":"%s","created_at":"2026-11-20 09:12:00"}
                    """.formatted("长".repeat(Feedback.MAX_TEXT + 1)));
            assertThat(update.get("accepted").asLong()).as(update.toString()).isEqualTo(1);
            assertThat(update.get("duplicates").asLong()).isEqualTo(1);
            assertThat(update.get("errors").toString())
                    .contains(error(3, "text", "is 10001 characters long; at most 10000 are allowed"));

            List<ChangeEvent<Feedback>> events = read(changes, 9);
            assertThat(events).filteredOn(event -> event.before() == null).hasSize(8)
                    .extracting(ChangeEvent::key).contains("FB-1001", "FB-1008");
            assertThat(events).filteredOn(event -> event.before() != null).singleElement().satisfies(resolved -> {
                assertThat(resolved.before().status()).isEqualTo(FeedbackStatus.IN_PROGRESS);
                assertThat(resolved.after().status()).isEqualTo(FeedbackStatus.RESOLVED);
                assertThat(resolved.after().resolvedAt()).isEqualTo(resolved.after().updatedAt()).isNotNull();
            });
        }
        exportImportedAgainChangesNothing();
    }

    private void exportImportedAgainChangesNothing() throws Exception {
        HttpResponse<String> export = send(HttpRequest.newBuilder(uri("/api/v1/ingest/export/feedback"))
                .header("Authorization", OPS).build());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).startsWith("feedback_id,user_id,order_id,kind,channel,rating,text,created_at,status,"
                + "resolved_at,updated_at\n").contains("FB-1003");
        JsonNode reimport = post("text/csv", export.body());
        assertThat(reimport.get("accepted").asLong()).as(reimport.toString()).isZero();
        assertThat(reimport.get("rejected").asLong()).isZero();
        assertThat(reimport.get("duplicates").asLong()).isEqualTo(
                jdbc.queryForObject("select count(*) from ingest.feedback", Long.class));
    }

    @Test
    void theRawTopicStoresGoodRecordsAndDeadLettersBadOnes() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        send("{\"feedback_id\":\"T-" + run + "\",\"kind\":\"PRAISE\",\"channel\":\"APP\",\"rating\":5,"
                + "\"text\":\"Fast delivery, thank you!\",\"created_at\":\"2026-11-20T10:00:00+08:00\"}");
        send("{\"feedback_id\":\"B-" + run + "\",\"kind\":\"PRAISE\",\"rating\":9,"
                + "\"text\":\"\",\"created_at\":\"2026-11-20T10:00:00+08:00\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForList("select status from ingest.feedback where feedback_id = ?", String.class,
                    "T-" + run)).containsExactly("OPEN");
            assertThat(jdbc.queryForList("select reason from ingest.dead_letters where kind = 'feedback' and "
                    + "payload like ?", String.class, "%B-" + run + "%")).singleElement().asString()
                    .contains("rating: 9 is out of range", "text: is required but empty");
        });
    }

    private static String error(int line, String field, String reason) {
        return "{\"line\":" + line + ",\"field\":\"" + field + "\",\"reason\":\"" + reason;
    }

    private List<ChangeEvent<Feedback>> read(Consumer<String, byte[]> consumer, int expected) {
        List<ChangeEvent<Feedback>> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                ChangeEvent<Feedback> event = ChangeEvents.read(record.value(), Feedback.class);
                if (event.key().startsWith("FB-")) {
                    assertThat(record.key()).isEqualTo(event.after().userId() != null ? event.after().userId()
                            : event.key());
                    events.add(event);
                }
            }
            return events.size() >= expected;
        });
        // an extra event now would be a change published twice
        consumer.poll(Duration.ofSeconds(1)).forEach(record ->
                assertThat(new String(record.value(), UTF_8)).doesNotContain("\"FB-"));
        return events;
    }

    private void send(String value) {
        kafka.send(Topics.RAW_FEEDBACK, value.getBytes(UTF_8)).join();
    }

    private JsonNode post(String contentType, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/imports/feedback"))
                .header("Content-Type", contentType).header("Authorization", OPS)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
