package io.keliu.projection;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

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

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
