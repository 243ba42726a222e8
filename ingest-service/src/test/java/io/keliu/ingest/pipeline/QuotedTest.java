package io.keliu.ingest.pipeline;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Event keys are quoted by hand; they must come out exactly as Jackson would write them. */
class QuotedTest {
    private final JsonMapper jackson = JsonMapper.builder().build();

    @Test
    void escapesEveryCharacterAsJacksonDoes() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            every.append(c);
        }
        every.append("订单/😀\u2028\u2029\uFEFF\uFFFF");
        String text = every.toString();
        assertThat(EventPublisher.quoted(text)).isEqualTo(jackson.writeValueAsString(text));
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
            assertThat(EventPublisher.quoted(key.toString())).isEqualTo(jackson.writeValueAsString(key.toString()));
        }
    }
}
