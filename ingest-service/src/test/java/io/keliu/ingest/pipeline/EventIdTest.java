package io.keliu.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdTest {

    @Test
    void isTheNameBasedUuidOfKindKeyAndStoredRow() {
        byte[] row = "\"O-1\",\"SKU-7\",\"杭州市\"".getBytes(StandardCharsets.UTF_8);
        String expected = UUID.nameUUIDFromBytes(("orders\u0000O-1/SKU-7\u0000" + "\"O-1\",\"SKU-7\",\"杭州市\"")
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(EventPublisher.eventId("orders", "O-1/SKU-7", row)).isEqualTo(expected);
        assertThat(EventPublisher.eventId("orders", "O-1/SKU-7", "other".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(expected);
    }
}
