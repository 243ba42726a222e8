package io.keliu.ingest.pipeline;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Event keys are quoted by hand; they must come out exactly as Jackson would write them. */
class QuotedTest {
    private final JsonMapper jackson = JsonMapper.builder().build();

    /** Events are bytes: the key goes out as UTF-8, and must match what Jackson writes as UTF-8. */
    private static String utf8(String quoted) {
        return new String(quoted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private String jacksonUtf8(String text) {
        return new String(jackson.writeValueAsBytes(text), StandardCharsets.UTF_8);
    }

    @Test
    void escapesEveryCharacterAsJacksonDoes() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            every.append(c);
        }
        every.append("订单/😀\u2028\u2029\uFEFF\uFFFF \uD83D \uDE00 x\uD83D");
        String text = every.toString();
        assertThat(utf8(EventPublisher.quoted(text))).isEqualTo(jacksonUtf8(text));
    }

    @Test
    void matchesJacksonOnRandomKeys() {
        SplittableRandom random = new SplittableRandom(3);
        String alphabet = "aZ09-_/ \"\\\u0000\u001f\t\n订单号😀é";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder key = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(utf8(EventPublisher.quoted(key.toString()))).isEqualTo(jacksonUtf8(key.toString()));
        }
    }
}
