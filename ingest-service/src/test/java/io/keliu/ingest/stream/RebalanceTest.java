package io.keliu.ingest.stream;

import io.keliu.contracts.v1.Topics;
import io.keliu.ingest.pipeline.IngestHealth;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.ingest.pipeline.IngestWriter;
import io.keliu.testsupport.KeliuIntegrationTest;
import io.keliu.testsupport.TopicReaders;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two ingest consumers in one group: a second instance joins in the middle of a stream and leaves again before its
 * end, so partitions move twice while batches are polled, pending and being written. Every line must be stored once
 * and every change event delivered (duplicates by eventId allowed, none missing). 30,000 lines over 3 partitions keep
 * the test to seconds while each rebalance still meets several batches in flight.
 */
@KeliuIntegrationTest
class RebalanceTest {
    private static final int LINES = 30_000;

    @Autowired
    ConsumerFactory<String, byte[]> consumers;
    @Autowired
    IngestWriter writer;
    @Autowired
    ConsumerProperties properties;
    @Autowired
    MeterRegistry registry;
    @Autowired
    List<IngestKind<?>> kinds;
    @Autowired
    IngestHealth health;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;

    final String run = "RB-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void partitionsMovingMidStreamLoseAndDoubleNothing() throws Exception {
        RawTopicsConsumer second = new RawTopicsConsumer(consumers, writer, properties, registry, kinds, health);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < LINES; i++) {
                if (i == LINES / 3) {
                    awaitStored(LINES / 6);
                    second.start(); // joins: the first instance gives up partitions with records pending
                } else if (i == 2 * LINES / 3) {
                    awaitStored(LINES / 2);
                    second.stop(); // leaves: its partitions move back
                }
                String orderId = run + "-" + i;
                producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, orderId, line(orderId)));
            }
        } finally {
            second.stop();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stored()).isEqualTo(LINES));
        assertThat(jdbc.queryForObject("select count(*) from ingest.dead_letters where payload like ?", Long.class,
                "%" + run + "%")).isZero();
        Map<String, Set<String>> eventIdsByKey = changeEvents();
        assertThat(eventIdsByKey).hasSize(LINES);
        assertThat(eventIdsByKey.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    }

    private void awaitStored(long lines) {
        await().atMost(Duration.ofSeconds(60)).until(() -> stored() >= lines);
    }

    private long stored() {
        return jdbc.queryForObject("select count(*) from ingest.order_lines where order_id like ?", Long.class,
                run + "-%");
    }

    /**
     * The event ids per key of this run's change events, read until every line has one (within two minutes: one was
     * not enough on a machine at load 15).
     */
    private Map<String, Set<String>> changeEvents() {
        Map<String, Set<String>> ids = new HashMap<>();
        try (Consumer<String, byte[]> changes = TopicReaders.fromEarliest(broker, "rebalance-" + run, Topics.ORDERS)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : changes.poll(Duration.ofMillis(500))) {
                    JsonNode event = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
                    String key = event.get("key").asString();
                    if (key.startsWith(run + "-")) {
                        ids.computeIfAbsent(key, k -> new HashSet<>()).add(event.get("eventId").asString());
                    }
                }
                return ids.size() == LINES;
            });
        }
        return ids;
    }

    private static byte[] line(String orderId) {
        return ("{\"order_id\":\"" + orderId + "\",\"user_id\":\"U-" + orderId.hashCode() % 500 + "\","
                + "\"created_at\":\"2024-05-01T10:00:00\",\"product_id\":\"P1\",\"quantity\":1,\"amount\":\"9.90\","
                + "\"status\":\"已付款\",\"shipping_address\":\"广东省深圳市南山区\"}").getBytes(StandardCharsets.UTF_8);
    }
}
