package io.keliu.projection;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.KeliuIntegrationTest;
import io.keliu.testsupport.TopicReaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection module against a real broker and database, with a projection of net amount per customer. The
 * context (and topic) is shared by the tests: each uses its own customers.
 */
@KeliuIntegrationTest
class ProjectionListenerTest {
    private static final String DEAD_LETTERS = "keliu.projtest.dead-letter";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectionState state;
    @Autowired
    ProjectionReplay replay;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    Producer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void eventsTheServiceCannotApplyGoToTheDeadLetterTopicWithTheReasonAndTheRestContinue() {
        String customer = run + "-a";
        OrderLine first = line("O1", customer, "100.00");
        ChangeEvent<OrderLine> created = event(null, first);
        send(customer, created);
        send(customer, created);
        send(customer, event(first, line("O1", customer, "80.00")));
        send(customer, "not json".getBytes(StandardCharsets.UTF_8));
        send(customer, JSON.writeValueAsBytes(new ChangeEvent<>(UUID.randomUUID().toString(), 2, "O9/P1",
                Instant.now(), null, line("O9", customer, "1.00"))));
        send(customer, event(null, line(ProjectionTestApplication.FAILS_TO_APPLY, customer, "7.00")));
        send(customer, event(null, line("O2", customer, "5.50")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(total(customer)).isEqualTo(Map.of("amount", new BigDecimal("85.5000"), "lines", 2)));

        List<String> reasons = deadLetterReasons(customer, 3);
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).startsWith("not a change event of keliu.orders.v1");
        assertThat(reasons.get(1)).isEqualTo("unknown schema version 2 (this service reads version 1;"
                + " a new version comes on a new topic)");
        assertThat(reasons.get(2)).contains("order FAILS-TO-APPLY breaks the projection");
    }

    @Test
    void aChangePublishedAgainIsAppliedOnce() {
        String customer = run + "-b";
        List<ChangeEvent<OrderLine>> events = List.of(
                event(null, line("O1", customer, "10.00")),
                event(null, line("O2", customer, "20.00")),
                event(line("O2", customer, "20.00"), line("O2", customer, "-20.00")));
        events.forEach(e -> send(customer, e));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(total(customer)).isEqualTo(Map.of("amount", new BigDecimal("-10.0000"), "lines", 2)));

        events.forEach(e -> send(customer, e));
        send(customer, event(null, line("O3", customer, "1.25")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(total(customer)).isEqualTo(Map.of("amount", new BigDecimal("-8.7500"), "lines", 3)));
    }

    @Test
    void aReplayFromTheBeginningRebuildsTheSameStateEveryTime() {
        for (int i = 0; i < 30; i++) {
            String customer = run + "-c" + (i % 7);
            OrderLine line = line("R" + i, customer, i + ".10");
            send(customer, event(null, line));
            if (i % 3 == 0) {
                send(customer, event(line, line("R" + i, customer, "0.00")));
            }
        }
        awaitAllApplied();
        List<Map<String, Object>> built = totals();
        assertThat(built).isNotEmpty();

        for (int replays = 0; replays < 2; replays++) {
            replay.replay();
            awaitAllApplied();
            assertThat(totals()).isEqualTo(built);
        }
    }

    private void awaitAllApplied() {
        try (Consumer<String, byte[]> reader = TopicReaders.fromEarliest(broker, "ends-" + UUID.randomUUID(),
                Topics.ORDERS)) {
            List<TopicPartition> partitions = reader.partitionsFor(Topics.ORDERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<TopicPartition, Long> applied = state.offsets();
                ends.forEach((partition, end) -> assertThat(applied.getOrDefault(partition, 0L))
                        .as("next offset of %s", partition).isGreaterThanOrEqualTo(end));
            });
        }
    }

    private List<String> deadLetterReasons(String customer, int expected) {
        List<String> reasons = new ArrayList<>();
        try (Consumer<String, byte[]> reader = TopicReaders.fromEarliest(broker, "dlt-" + run, DEAD_LETTERS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (customer.equals(record.key())) {
                        reasons.add(new String(record.headers().lastHeader(
                                ProjectionAutoConfiguration.REASON_HEADER).value(), StandardCharsets.UTF_8));
                    }
                }
                return reasons.size() >= expected;
            });
        }
        return reasons;
    }

    private Map<String, Object> total(String customer) {
        return jdbc.sql("SELECT amount, lines FROM projtest.totals WHERE user_id = ?").param(customer)
                .query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    private List<Map<String, Object>> totals() {
        return jdbc.sql("SELECT * FROM projtest.totals ORDER BY user_id").query().listOfRows();
    }

    private void send(String key, ChangeEvent<OrderLine> event) {
        send(key, JSON.writeValueAsBytes(event));
    }

    private void send(String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.ORDERS, key, value));
        producer.flush();
    }

    private static ChangeEvent<OrderLine> event(OrderLine before, OrderLine after) {
        return new ChangeEvent<>(UUID.randomUUID().toString(), ChangeEvent.SCHEMA_VERSION,
                after.orderId() + "/" + after.lineKey(), Instant.now(), before, after);
    }

    private static OrderLine line(String orderId, String userId, String amount) {
        Instant at = Instant.parse("2024-05-01T02:00:00Z");
        return new OrderLine(orderId, "P1", userId, false, at, at, "P1", "toys", 1, null, new BigDecimal(amount),
                null, null, null, null, null, null, OrderStatus.COMPLETED, false, null, at);
    }
}
