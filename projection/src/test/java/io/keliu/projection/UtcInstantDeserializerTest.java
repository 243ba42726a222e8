package io.keliu.projection;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UtcInstantDeserializerTest {

    @Test
    void readsEveryInstantAsInstantToStringWritesIt() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(4_102_444_800L), // 1970 .. 2100
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(UtcInstantDeserializer.parseUtc(instant.toString())).isEqualTo(instant);
        }
        assertThat(UtcInstantDeserializer.parseUtc("2024-02-29T23:59:59.5Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-06-30T23:59:60Z", "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00+08:00", "2026-01-01 00:00:00Z",
            "2026-1-01T00:00:00Z", "2026-01-01T00:00:0xZ", "+12026-01-01T00:00:00Z", "2026-01-01"})
    void leavesEveryOtherFormToJackson(String text) {
        assertThat(UtcInstantDeserializer.parseUtc(text)).isNull();
    }

    @Test
    void theDecoderStillReadsOffsetsAndRefusesImpossibleDatesAsJacksonDoes() {
        ChangeEventDecoder decoder = new ChangeEventDecoder();
        ChangeEvent<OrderLine> event = decoder.decode(ChangeTopic.ORDERS, event("2024-05-01T10:00:00+08:00"));
        assertThat(event.after().createdAt()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00+08:00").toInstant());

        assertThatThrownBy(() -> decoder.decode(ChangeTopic.ORDERS, event("2026-02-29T00:00:00Z")))
                .isInstanceOf(UnusableEvent.class).hasMessageContaining("2026-02-29");
    }

    private static byte[] event(String createdAt) {
        return ("""
                {"eventId":"5b1c0a0e-3f41-3c8e-9f0e-6a3b2f5d9e11","schemaVersion":1,"key":"O-1/1",
                 "occurredAt":"2024-05-01T02:06:00Z","before":null,
                 "after":{"orderId":"O-1","lineKey":"1","userId":"U1","anonymous":false,"createdAt":"%s",
                  "productId":"SKU-7","quantity":1,"amount":9.90,"status":"PAID","cancelled":false}}""")
                .formatted(createdAt).getBytes(StandardCharsets.UTF_8);
    }
}
