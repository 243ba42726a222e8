package io.keliu.projection;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeEventDecoderTest {
    private final ChangeEventDecoder decoder = new ChangeEventDecoder();

    @Test
    void readsAnEventAsIngestRendersItIgnoringFieldsAddedLater() {
        ChangeEvent<OrderLine> event = decoder.decode(ChangeTopic.ORDERS, bytes("""
                {"eventId":"5b1c0a0e-3f41-3c8e-9f0e-6a3b2f5d9e11","schemaVersion":1,"key":"O-1/SKU-7",
                 "occurredAt":"2024-05-01T02:06:00.120Z","before":null,
                 "after":{"orderId":"O-1","lineKey":"SKU-7","userId":"U1","anonymous":false,
                  "createdAt":"2024-05-01T02:00:00Z","paidAt":null,"productId":"SKU-7","category":null,"quantity":2,
                  "unitPrice":29.90,"amount":59.80,"status":"COMPLETED","cancelled":false,"giftWrap":true},
                 "traceId":"added in a later v1"}"""));

        assertThat(event.before()).isNull();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-05-01T02:06:00.120Z"));
        assertThat(event.after().amount()).isEqualTo(new BigDecimal("59.80"));
        assertThat(event.after().status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void saysWhyAnEventCannotBeUsed() {
        assertThatThrownBy(() -> decoder.decode(ChangeTopic.ORDERS, bytes("""
                {"eventId":"5b1c0a0e-3f41-3c8e-9f0e-6a3b2f5d9e11","schemaVersion":2,"key":"k","after":{"x":[1]}}""")))
                .isInstanceOf(UnusableEvent.class).hasMessageStartingWith("unknown schema version 2");
        assertThatThrownBy(() -> decoder.decode(ChangeTopic.ORDERS, bytes("""
                {"eventId":"E-1","schemaVersion":1,"key":"k"}""")))
                .isInstanceOf(UnusableEvent.class).hasMessage("eventId \"E-1\" is not a UUID");
        assertThatThrownBy(() -> decoder.decode(ChangeTopic.ORDERS, bytes("""
                {"eventId":"5b1c0a0e-3f41-3c8e-9f0e-6a3b2f5d9e11","schemaVersion":1,"key":"k"}""")))
                .isInstanceOf(UnusableEvent.class).hasMessageContaining("neither before nor after");
        assertThatThrownBy(() -> decoder.decode(ChangeTopic.ORDERS, bytes("{\"eventId\":")))
                .isInstanceOf(UnusableEvent.class).hasMessageStartingWith("not a change event of keliu.orders.v1");
    }

    /** Records are built by their canonical constructor directly (RecordCreators): the same record as Jackson's. */
    @Test
    void buildsTheSameRecordsAsJacksonAndReportsAFailingConstructor() {
        byte[] json = bytes("""
                {"eventId":"5b1c0a0e-3f41-3c8e-9f0e-6a3b2f5d9e11","schemaVersion":1,"key":"O-1/2",
                 "occurredAt":"2024-05-01T02:06:00Z",
                 "before":{"orderId":"O-1","lineKey":"2","userId":null,"anonymous":true,
                  "createdAt":"2024-05-01T02:00:00Z","paidAt":null,"productId":"P","category":"书","quantity":1,
                  "unitPrice":null,"amount":-5.5,"province":"浙江省","channel":"APP","status":"REFUNDED",
                  "cancelled":true},
                 "after":{"orderId":"O-1","lineKey":"2","userId":"U1","anonymous":false,
                  "createdAt":"2024-05-01T02:00:00Z","paidAt":"2024-05-01T02:03:00Z","productId":"P",
                  "quantity":3,"unitPrice":1.10,"amount":3.30,"orderType":"WEB","status":"PAID","cancelled":false,
                  "updatedAt":"2024-05-01T02:03:00Z"}}""");
        ObjectMapper jackson = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule().addDeserializer(Instant.class, new UtcInstantDeserializer())).build();
        ChangeEvent<OrderLine> expected = jackson.readValue(json, jackson.getTypeFactory()
                .constructParametricType(ChangeEvent.class, OrderLine.class));

        assertThat(decoder.decode(ChangeTopic.ORDERS, json)).isEqualTo(expected);
        ChangeTopic<Named> named = new ChangeTopic<>("named", Named.class);
        assertThat(decoder.decode(named, bytes(event("{\"name\":\"x\"}"))).after()).isEqualTo(new Named("x"));
        assertThatThrownBy(() -> decoder.decode(named, bytes(event("{\"name\":\" \"}"))))
                .isInstanceOf(UnusableEvent.class).hasMessageContaining("a name cannot be blank")
                .satisfies(e -> assertThat(Arrays.toString(e.getCause().getStackTrace()))
                        .contains("RecordCreators$Canonical.createFromObjectWith"));
    }

    record Named(String name) {
        Named {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a name cannot be blank");
            }
        }
    }

    private static String event(String after) {
        return "{\"eventId\":\"5b1c0a0e-3f41-3c8e-9f0e-6a3b2f5d9e11\",\"schemaVersion\":1,\"key\":\"k\",\"after\":"
                + after + "}";
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
