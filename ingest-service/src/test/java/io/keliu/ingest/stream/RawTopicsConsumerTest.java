package io.keliu.ingest.stream;

import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.KeliuIntegrationTest;
import io.keliu.testsupport.TopicReaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The raw-topic consumer against a real broker and database. Ids are unique per test: the context is shared. */
@KeliuIntegrationTest
class RawTopicsConsumerTest {
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;

    Consumer<String, byte[]> changes;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void listenToChangeTopics() {
        changes = TopicReaders.fromEarliest(broker, "test-" + run, Topics.ORDERS, Topics.INGEST_DEAD_LETTER);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            changes.poll(Duration.ofMillis(100));
            return !changes.assignment().isEmpty();
        });
    }

    @AfterEach
    void close() {
        changes.close();
    }

    @Test
    void malformedRecordsAreDeadLetteredWhileGoodOnesFlow() {
        send(Topics.RAW_ORDERS, "{\"order_id\":\"" + run + "-bad\", broken");
        send(Topics.RAW_ORDERS, order(run + "-1", "P1", "待发货", "2024-05-01T10:00:00", 2, "19.90"));
        send(Topics.RAW_ORDERS, order(run + "-2", "P1", "shipped-ish", "2024-05-01T10:00:00", 1, "9.90"));
        send(Topics.RAW_ORDERS, order(run + "-3", "P1", "已完成", "2024-05-01T10:00:00", -1, "-9.90"));
        send(Topics.RAW_ORDERS, order(run + "-4", "P9", "已完成", "2024-05-01T10:00:00", 1, "9.90"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("select count(*) from ingest.order_lines where order_id like ?", run + "%"))
                    .isEqualTo(2);
            assertThat(count("select count(*) from ingest.dead_letters where payload like ?", "%" + run + "%"))
                    .isEqualTo(3);
        });
        List<String> reasons = jdbc.queryForList("select reason from ingest.dead_letters where payload like ?",
                String.class, "%" + run + "%");
        assertThat(String.join("\n", reasons))
                .contains("is not valid JSON")
                .contains("status: 'shipped-ish' is not a known value")
                .contains("quantity: is negative (-1) on a line that is neither cancelled nor refunded");
        List<JsonNode> published = drain(5, Duration.ofSeconds(60));
        assertThat(published).filteredOn(e -> e.has("reason") || e.has("errors")).hasSize(3);
        assertThat(published).filteredOn(e -> e.has("eventId")).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("before").isNull()).isTrue());
    }

    @Test
    void redeliveryChangesNothingAndAnOlderVersionNeverOverwritesANewerOne() {
        String newer = order(run + "-5", "P1", "已完成", "2024-05-01T10:00:00", 1, "9.90")
                .replace("}", ",\"updated_at\":\"2024-05-03T09:00:00+08:00\"}");
        String older = order(run + "-5", "P1", "待发货", "2024-05-01T10:00:00", 1, "9.90")
                .replace("}", ",\"updated_at\":\"2024-05-02T09:00:00+08:00\"}");
        send(Topics.RAW_ORDERS, newer);
        send(Topics.RAW_ORDERS, newer);
        send(Topics.RAW_ORDERS, older);
        String next = order(run + "-6", "P1", "待付款", "2024-05-01T10:00:00", 1, "9.90");
        send(Topics.RAW_ORDERS, next);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                status(run + "-6")).isEqualTo("PENDING_PAYMENT"));
        send(Topics.RAW_ORDERS, next.replace("待付款", "已付款"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                status(run + "-6")).isEqualTo("PAID"));
        assertThat(status(run + "-5")).isEqualTo("COMPLETED");
        List<JsonNode> events = drain(3, Duration.ofSeconds(60));
        assertThat(events).extracting(e -> e.get("key").asString())
                .containsExactlyInAnyOrder(run + "-5/P1", run + "-6/P1", run + "-6/P1");
        JsonNode paid = events.stream().filter(e -> e.get("after").get("status").asString().equals("PAID"))
                .findFirst().orElseThrow();
        assertThat(paid.get("before").get("status").asString()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAndTheRestOfItsBatchIsStored() {
        jdbc.execute("ALTER TABLE ingest.order_lines ADD CONSTRAINT no_poison_" + run.replace('-', '_')
                + " CHECK (remark IS DISTINCT FROM 'poison-" + run + "') NOT VALID");
        try {
            for (int i = 0; i < 10; i++) {
                String order = order(run + "-p" + i, "P1", "已完成", "2024-05-01T10:00:00", 1, "9.90");
                send(Topics.RAW_ORDERS, i == 4 ? order.replace("}", ",\"remark\":\"poison-" + run + "\"}") : order);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(count("select count(*) from ingest.order_lines where order_id like ?", run + "-p%"))
                        .isEqualTo(9);
                assertThat(jdbc.queryForList("select reason from ingest.dead_letters where payload like ?",
                        String.class, "%poison-" + run + "%")).singleElement().asString()
                        .contains("the database refused the record", "no_poison_");
            });
        } finally {
            jdbc.execute("ALTER TABLE ingest.order_lines DROP CONSTRAINT no_poison_" + run.replace('-', '_'));
        }
    }

    private String status(String orderId) {
        return jdbc.queryForList("select status from ingest.order_lines where order_id = ?", String.class,
                orderId).stream().findFirst().orElse(null);
    }

    private long count(String sql, String arg) {
        return jdbc.queryForObject(sql, Long.class, arg);
    }

    private static String order(String id, String product, String status, String created, int quantity,
                                String amount) {
        return "{\"order_id\":\"" + id + "\",\"user_id\":\"u-" + id + "\",\"created_at\":\"" + created
                + "\",\"product_id\":\"" + product + "\",\"quantity\":" + quantity + ",\"amount\":\"" + amount
                + "\",\"channel\":\"微信\",\"status\":\"" + status + "\",\"shipping_address\":\"广东省深圳市南山区\"}";
    }

    /** Keyed by order id, as sources should: one order's versions stay in order on one partition. */
    private void send(String topic, String value) {
        String key = value.replaceAll(".*\"order_id\":\"([^\"]+)\".*", "$1");
        kafka.send(topic, key, value.getBytes(StandardCharsets.UTF_8)).join();
    }

    private List<JsonNode> drain(int expected, Duration atMost) {
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : changes.poll(Duration.ofMillis(200))) {
                String text = new String(record.value(), StandardCharsets.UTF_8);
                if (text.contains(run)) {
                    events.add(json.readTree(text));
                }
            }
            if (events.size() > expected) {
                break;
            }
            if (events.size() == expected) {
                // keep listening a little: an extra event here would be a bug
                deadline = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(2).toNanos());
            }
        }
        return events;
    }
}
