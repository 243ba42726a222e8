package io.keliu.contracts.v1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {
    private final Timestamps shanghai = new Timestamps(ZoneId.of("Asia/Shanghai"));

    @ParameterizedTest
    @CsvSource({
            "2024-05-01T10:00:00+08:00, 2024-05-01T02:00:00Z",
            "2024-05-01T10:00:00Z, 2024-05-01T10:00:00Z",
            "2024-05-01 10:00:00, 2024-05-01T02:00:00Z",
            "2024/05/01 10:00, 2024-05-01T02:00:00Z",
            "2024-05-01, 2024-04-30T16:00:00Z",
            "2024-05-01T10:00:00.5, 2024-05-01T02:00:00.500Z",
            "2024-05-01T10:00:00.123456789-05:00, 2024-05-01T15:00:00.123456789Z",
            "2024-05-01T10:00+0100, 2024-05-01T09:00:00Z",
            "1714528800, 2024-05-01T02:00:00Z",
            "1714528800000, 2024-05-01T02:00:00Z",
            "2024-05-01T10:00:00+09:00[Asia/Tokyo], 2024-05-01T01:00:00Z"})
    void readsTheShapesSourcesWrite(String text, Instant expected) {
        assertThat(shanghai.parse(text)).isEqualTo(expected);
    }

    @Test
    void aZoneWithDaylightSavingIsHonoured() {
        assertThat(new Timestamps(ZoneId.of("Europe/Berlin")).parse("2024-07-01 12:00"))
                .isEqualTo(Instant.parse("2024-07-01T10:00:00Z"));
    }

    @Test
    void saysWhatAGoodTimestampLooksLike() {
        assertThatThrownBy(() -> shanghai.parse("May 1st")).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("write it like 2024-05-01T14:30:00+08:00");
        assertThatThrownBy(() -> shanghai.parse("2024-02-30")).isInstanceOf(DateTimeException.class);
    }
}
