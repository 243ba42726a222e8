package io.keliu.ingest.store;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowTest {
    private final CopyRow row = new CopyRow();

    private String text(byte[] row) {
        return new String(row, StandardCharsets.UTF_8);
    }

    @Test
    void writesCsvFieldsWithNullAsNothingAndTextQuoted() {
        row.text("O-1").text(null).text("").word(Thread.State.NEW).integer(-42).integer(null)
                .decimal(new BigDecimal("1299.50")).bool(true).bool(false);
        assertThat(text(row.end())).isEqualTo("\"O-1\",,\"\",NEW,-42,,1299.50,t,f");
    }

    @Test
    void doublesQuotesDropsNulCharactersAndEncodesEveryPlaneInUtf8() {
        String value = "说 \"好\"\u0000 é 😀 \uD800x";
        row.text(value);
        String expected = "\"" + value.replace("\"", "\"\"").replace("\u0000", "") + "\"";
        assertThat(row.end()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formatsInstantsExactlyAsTheJdkDoes() {
        SplittableRandom random = new SplittableRandom(7);
        long latest = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-latest, latest);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            row.instant(instant).instant(null);
            assertThat(text(row.end())).isEqualTo(instant + ",");
        }
        row.instant(Instant.parse("2024-02-29T23:59:59.000001Z"));
        assertThat(text(row.end())).isEqualTo("2024-02-29T23:59:59.000001Z");
    }

    @Test
    void startsAFreshRowAfterEachEndAndGrowsForLongValues() {
        String longText = "长".repeat(1000);
        row.text(longText);
        assertThat(row.end()).hasSize(3002);
        row.integer(1);
        assertThat(text(row.end())).isEqualTo("1");
    }
}
