package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.contracts.v1.Topics;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.testsupport.ChangeEvents;
import io.keliu.testsupport.KeliuIntegrationTest;
import io.keliu.testsupport.TopicReaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ingest publishes is the contract: real change events of every kind, a new order line and an update of it
 * (whose "before" is spliced in by hand), a profile and a log with every field set, read strictly into
 * {@code ChangeEvent<…>} ({@link ChangeEvents}).
 */
@KeliuIntegrationTest
class PublishedEventsContractTest {
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;

    final String run = "CT-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void publishedEventsReadStrictlyIntoTheContractRecords() {
        String order = "{\"order_id\":\"" + run + "\",\"user_id\":\"U-" + run + "\",\"created_at\":\"2024-05-01 10:00:00\","
                + "\"paid_at\":\"2024-05-01T10:05:30.250+08:00\",\"product_id\":\"SKU \\\"7\\\"\",\"category\":\"数码\","
                + "\"quantity\":2,\"unit_price\":\"29.90\",\"amount\":\"¥59.80\",\"shipping_address\":\"浙江省杭州市西湖区\","
                + "\"order_type\":\"网络\",\"channel\":\"微信\",\"status\":\"待发货\",\"remark\":\"带\\n换行 😀\","
                + "\"updated_at\":\"2024-05-01T11:00:00+08:00\",\"line_no\":\"1\"}";
        send(Topics.RAW_ORDERS, run, order);
        read("new", Map.of(Topics.ORDERS, 1)); // stored before the update is sent: two changes, not one
        send(Topics.RAW_ORDERS, run, order.replace("待发货", "已完成").replace("T11:00", "T12:00"));
        send(Topics.RAW_PROFILES, "U-" + run, "{\"user_id\":\"U-" + run + "\",\"registered_at\":\"2023-01-01\","
                + "\"activated_at\":\"2023-01-02\",\"last_login_at\":\"2024-05-01 09:00\",\"age\":31,\"gender\":\"女\","
                + "\"marital_status\":\"已婚\",\"occupation\":\"教师\",\"city\":\"杭州市\",\"province\":\"浙江\","
                + "\"industry\":\"教育\",\"updated_at\":\"2024-05-01 09:00\"}");
        send(Topics.RAW_LOGS, run, "{\"log_id\":\"" + run + "\",\"log_type\":\"API请求\",\"level\":\"WARN\","
                + "\"message\":\"slow \\\"GET\\\" \\t 1.2 s\",\"logged_at\":\"2024-05-01T10:00:00.123456Z\","
                + "\"source\":\"API接口\"}");

        Map<String, List<byte[]>> events = read("all", Map.of(Topics.ORDERS, 2, Topics.PROFILES, 1, Topics.LOGS, 1));

        List<ChangeEvent<OrderLine>> lines = events.get(Topics.ORDERS).stream()
                .map(json -> ChangeEvents.read(json, OrderLine.class)).toList();
        assertThat(lines.getFirst().before()).isNull();
        assertThat(lines.getLast().before()).isEqualTo(lines.getFirst().after());
        assertThat(lines.getLast().after().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(lines.getLast().after().productId()).isEqualTo("SKU \"7\"");
        assertThat(lines.getLast().key()).isEqualTo(run + "/1");
        UserProfile profile = ChangeEvents.read(events.get(Topics.PROFILES).getFirst(), UserProfile.class).after();
        assertThat(profile.province()).isEqualTo("浙江省");
        SystemLog log = ChangeEvents.read(events.get(Topics.LOGS).getFirst(), SystemLog.class).after();
        assertThat(log.message()).isEqualTo("slow \"GET\" \t 1.2 s");
    }

    private void send(String topic, String key, String value) {
        kafka.send(topic, key, value.getBytes(StandardCharsets.UTF_8)).join();
    }

    /** This run's events per topic, in arrival order, once each topic has as many as expected. */
    private Map<String, List<byte[]>> read(String reader, Map<String, Integer> expected) {
        Map<String, List<byte[]>> events = new java.util.HashMap<>();
        expected.keySet().forEach(topic -> events.put(topic, new ArrayList<>()));
        try (Consumer<String, byte[]> consumer = TopicReaders.fromEarliest(broker, "contract-" + reader + "-" + run,
                expected.keySet().toArray(String[]::new))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(run)) {
                        events.get(record.topic()).add(record.value());
                    }
                }
                return expected.entrySet().stream().allMatch(e -> events.get(e.getKey()).size() >= e.getValue());
            });
        }
        return events;
    }
}
