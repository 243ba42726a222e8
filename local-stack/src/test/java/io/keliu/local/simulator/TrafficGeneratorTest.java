package io.keliu.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.Topics;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TrafficGeneratorTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 20, 8, 0);
    private static final int EVENTS = 40_000;

    private static List<RawRecord> records;
    private static List<JsonNode> validOrderLines;

    @BeforeAll
    static void generateADaysTraffic() {
        records = generate(7, EVENTS);
        validOrderLines = records.stream()
                .filter(record -> record.topic().equals(Topics.RAW_ORDERS) && RawRecordCheck.isValid(record))
                .map(RawRecordCheck::parse)
                .toList();
    }

    @Test
    void the_same_seed_gives_the_same_records_and_another_seed_others() {
        assertThat(generate(7, 2_000)).isEqualTo(records.subList(0, generate(7, 2_000).size()));
        assertThat(generate(8, 2_000)).isNotEqualTo(generate(7, 2_000));
    }

    @Test
    void about_one_record_in_a_hundred_is_malformed() {
        long malformed = records.stream().filter(record -> !RawRecordCheck.isValid(record)).count();
        assertThat((double) malformed / records.size()).isBetween(0.006, 0.014);
    }

    @Test
    void every_raw_topic_gets_traffic_keyed_by_its_id() {
        Map<String, Integer> perTopic = new HashMap<>();
        records.forEach(record -> perTopic.merge(record.topic(), 1, Integer::sum));
        assertThat(perTopic.keySet()).containsExactlyInAnyOrder(Topics.RAW_ORDERS, Topics.RAW_PROFILES, Topics.RAW_LOGS,
                Topics.RAW_FEEDBACK);
        assertThat(validOrderLines).allSatisfy(line ->
                assertThat(line.get("order_id").asString()).startsWith("SO2026"));
        records.stream().filter(RawRecordCheck::isValid).limit(5_000).forEach(record -> {
            JsonNode fields = RawRecordCheck.parse(record);
            String idField = switch (record.topic()) {
                case Topics.RAW_ORDERS -> "order_id";
                case Topics.RAW_PROFILES -> "user_id";
                case Topics.RAW_FEEDBACK -> "feedback_id";
                default -> "log_id";
            };
            assertThat(fields.get(idField).asString()).isEqualTo(record.key());
        });
    }

    @Test
    void orders_have_several_lines_repeat_buyers_and_anonymous_guests() {
        Map<String, Set<Integer>> linesPerOrder = new HashMap<>();
        Map<String, Set<String>> ordersPerUser = new HashMap<>();
        for (JsonNode line : validOrderLines) {
            String orderId = line.get("order_id").asString();
            linesPerOrder.computeIfAbsent(orderId, id -> new HashSet<>()).add(line.get("line_no").asInt());
            ordersPerUser.computeIfAbsent(line.get("user_id").asString(), id -> new HashSet<>()).add(orderId);
        }
        assertThat(linesPerOrder.values().stream().filter(lines -> lines.size() > 1).count())
                .isGreaterThan(linesPerOrder.size() / 4);
        assertThat(ordersPerUser.get("")).as("anonymous orders").hasSizeGreaterThan(linesPerOrder.size() / 20);
        assertThat(ordersPerUser.entrySet().stream()
                .filter(user -> !user.getKey().isEmpty() && user.getValue().size() >= 5).count())
                .as("customers with five orders or more").isGreaterThan(100);
    }

    @Test
    void open_orders_are_updated_later_cancelled_and_refunded_with_negative_lines() {
        List<JsonNode> updates = validOrderLines.stream().filter(line -> !line.get("updated_at").asString().isEmpty()).toList();
        assertThat(updates).extracting(line -> status(line)).contains(OrderStatus.COMPLETED, OrderStatus.CANCELLED);
        List<JsonNode> refunds = updates.stream().filter(line -> status(line) == OrderStatus.REFUNDED).toList();
        assertThat(refunds).isNotEmpty().allSatisfy(refund -> {
            assertThat(refund.get("quantity").asInt()).isNegative();
            assertThat(refund.get("amount").decimalValue()).isNegative();
        });
        assertThat(validOrderLines.stream().filter(line -> line.get("cancelled").asBoolean()))
                .allSatisfy(line -> assertThat(status(line)).isEqualTo(OrderStatus.CANCELLED));
    }

    @Test
    void addresses_name_a_real_province_and_city_and_enumerations_mix_chinese_and_english() {
        assertThat(validOrderLines).allSatisfy(line -> assertThat(line.get("shipping_address").asString())
                .contains(line.get("city").asString()));
        Map<Boolean, List<JsonNode>> abroad = validOrderLines.stream()
                .collect(java.util.stream.Collectors.partitioningBy(line -> !line.get("country").asString().equals("CN")));
        assertThat(abroad.get(false)).allSatisfy(line -> assertThat(line.get("shipping_address").asString())
                .startsWith(line.get("province").asString()).endsWith(" 号"));
        assertThat((double) abroad.get(true).size() / validOrderLines.size()).as("orders shipped abroad")
                .isBetween(0.02, 0.1);
        assertThat(abroad.get(true)).extracting(line -> line.get("country").asString()).contains("SG", "US", "JP");
        List<String> channels = new ArrayList<>(validOrderLines.stream().map(line -> line.get("channel").asString()).toList());
        assertThat(channels).contains("PC", "APP", "WECHAT", "微信", "MOBILE", "手机端");
        assertThat(validOrderLines).extracting(line -> line.get("status").asString()).contains("待发货", "PENDING_SHIPMENT");
    }

    private static OrderStatus status(JsonNode line) {
        return OrderStatus.WORDS.lookup(line.get("status").asString()).orElseThrow();
    }

    /** Events one every 15 s from START: the time plays no part in what is drawn, only in what is written. */
    private static List<RawRecord> generate(long seed, int events) {
        TrafficGenerator generator = new TrafficGenerator(seed);
        List<RawRecord> generated = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            generated.addAll(generator.eventAt(START.plusSeconds(15L * i)));
        }
        return generated;
    }
}
