package io.keliu.ingest.imports;

import io.keliu.contracts.v1.CsvFields;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class Utf8CsvFieldsTest {

    @Test
    void splitsPlainAndQuotedFieldsAsTheTextSplitterDoes() {
        String record = "O-1,\"广东省, 深圳市\",,\"say \"\"hi\"\"\",\"\",12\" pizza,\"a\"\"\"\"b\"tail";
        assertThat(Utf8CsvFields.split(record.getBytes(UTF_8))).isEqualTo(CsvFields.split(record))
                .containsExactly("O-1", "广东省, 深圳市", "", "say \"hi\"", "", "12\" pizza", "a\"\"btail");
    }

    @Test
    void saysWhenAQuoteIsLeftOpen() {
        assertThat(Utf8CsvFields.split("O-1,\"first line".getBytes(UTF_8))).isNull();
    }

    /** Each field decoded from its own bytes must be the field that splitting the decoded line gives. */
    @Test
    void readsRandomRecordsAsTheTextSplitterDoes() {
        SplittableRandom random = new SplittableRandom(8);
        String[] alphabet = {",", ",", "\"", "\"", "\"", "a", " ", "b", "\n", "订", "é", "😀"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder record = new StringBuilder();
            for (int length = random.nextInt(14); length > 0; length--) {
                record.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = record.toString();
            assertThat(Utf8CsvFields.split(text.getBytes(UTF_8))).as(text).isEqualTo(CsvFields.split(text));
        }
    }

    @Test
    void anInvalidByteDecodesToTheReplacementCharacterInItsFieldOnly() {
        byte[] record = {'a', ',', (byte) 0xE8, 'x', ',', 'b'};
        assertThat(Utf8CsvFields.split(record)).containsExactly("a", "\uFFFDx", "b");
    }
}
