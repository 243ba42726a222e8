package io.keliu.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PreparedEventTest {
    private static final String HEAD = "{\"eventId\":\"e1\",\"key\":\"O-1/P1\",\"before\":";
    private final PreparedEvent event = new PreparedEvent("O-1",
            (HEAD + "null,\"after\":{\"status\":\"PAID\",\"city\":\"杭州市\"}}").getBytes(StandardCharsets.UTF_8),
            HEAD.length());

    @Test
    void splicesThePreviousRowInPlaceOfNull() {
        byte[] update = event.withBefore("{\"status\":\"PENDING_PAYMENT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(update, StandardCharsets.UTF_8)).isEqualTo(HEAD
                + "{\"status\":\"PENDING_PAYMENT\"},\"after\":{\"status\":\"PAID\",\"city\":\"杭州市\"}}");
    }

    @Test
    void givesTheRecordAlone() {
        assertThat(new String(event.after(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"PAID\",\"city\":\"杭州市\"}");
    }
}
