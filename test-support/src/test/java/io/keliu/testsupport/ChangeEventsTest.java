package io.keliu.testsupport;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict reader rejects every kind of drift between a published event and the contract records. */
class ChangeEventsTest {
    private static final String EVENT = new String(JsonMapper.builder().build().writeValueAsBytes(new ChangeEvent<>(
            "5b1c0a0e-3f41-3c8e-9f0e-6a3b2f5d9e11", 1, "L-1", Instant.parse("2024-05-01T02:06:00.120Z"), null,
            new SystemLog("L-1", LogType.API_REQUEST, LogLevel.INFO, "ok", Instant.parse("2024-05-01T02:00:00Z"),
                    LogSource.API))), StandardCharsets.UTF_8);

    @Test
    void readsAnEventAsJacksonWritesIt() {
        ChangeEvent<SystemLog> event = ChangeEvents.read(EVENT.getBytes(StandardCharsets.UTF_8), SystemLog.class);
        assertThat(event.after().level()).isEqualTo(LogLevel.INFO);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-05-01T02:06:00.120Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a renamed field|\"occurredAt\"|\"occurred\"",
            "a field the record lacks|\"key\":|\"partition\":0,\"key\":",
            "a missing field|\"schemaVersion\":1,|''",
            "a number as a string|\"schemaVersion\":1|\"schemaVersion\":\"1\"",
            "another timestamp format|2024-05-01T02:06:00.120Z|2024-05-01 02:06:00.120",
            "an unknown enumeration constant|\"INFO\"|\"information\""})
    void rejectsDrift(String drift, String from, String to) {
        String drifted = EVENT.replaceFirst(java.util.regex.Pattern.quote(from), to);
        assertThat(drifted).as(drift).isNotEqualTo(EVENT);
        assertThatThrownBy(() -> ChangeEvents.read(drifted.getBytes(StandardCharsets.UTF_8), SystemLog.class))
                .as(drift).isInstanceOfAny(AssertionError.class, RuntimeException.class);
    }
}
