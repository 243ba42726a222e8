package io.keliu.contracts.v1;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON shape consumers rely on (docs/contracts.md), as Jackson 3 writes and reads the records. */
class ChangeEventContractTest {
    private final JsonMapper json = JsonMapper.builder().build();

    private static OrderLine line(OrderStatus status) {
        return new OrderLine("O-1", "SKU-7", "U-1", false, Instant.parse("2024-05-01T02:00:00Z"), null, "SKU-7",
                "食品", 2, new BigDecimal("29.90"), new BigDecimal("59.80"), "浙江省杭州市", "浙江省", "杭州市", "CN",
                OrderType.WEB, Channel.WECHAT, status, false, null, null);
    }

    @Test
    void orderLineChangeHasTheDocumentedShapeAndRoundTrips() {
        ChangeEvent<OrderLine> event = new ChangeEvent<>("id-1", ChangeEvent.SCHEMA_VERSION, "O-1/SKU-7",
                Instant.parse("2024-05-01T02:06:00Z"), line(OrderStatus.PENDING_SHIPMENT), line(OrderStatus.COMPLETED));
        String text = json.writeValueAsString(event);
        JsonNode tree = json.readTree(text);
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(tree.get("occurredAt").asString()).isEqualTo("2024-05-01T02:06:00Z");
        assertThat(tree.get("after").get("amount").isNumber()).isTrue();
        assertThat(text).contains("\"amount\":59.80");
        assertThat(tree.get("after").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(tree.get("before").get("createdAt").asString()).isEqualTo("2024-05-01T02:00:00Z");

        ChangeEvent<OrderLine> read = json.readValue(text, new TypeReference<>() { });
        assertThat(read).isEqualTo(event);
        assertThat(read.after().reversal()).isFalse();
    }

    @Test
    void aNewRecordHasNoBefore() {
        String text = json.writeValueAsString(new ChangeEvent<>("id-2", 1, "L-1", Instant.EPOCH, null,
                new SystemLog("L-1", LogType.API_REQUEST, LogLevel.INFO, "ok", Instant.EPOCH, LogSource.API)));
        assertThat(json.readTree(text).get("before").isNull()).isTrue();
    }

    @Test
    void vocabularyMatchesTheSeedWordsLoosely() {
        assertThat(Channel.WORDS.lookup(" 微信端 ")).contains(Channel.WECHAT);
        assertThat(OrderStatus.WORDS.lookup("pending-payment")).contains(OrderStatus.PENDING_PAYMENT);
        assertThat(OrderStatus.WORDS.lookup("lost in the mail")).isEmpty();
        assertThat(OrderStatus.REFUNDED.reverses()).isTrue();
        assertThat(OrderStatus.COMPLETED.reverses()).isFalse();
    }
}
