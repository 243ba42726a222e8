package io.keliu.contracts.v1;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFieldsTest {

    @Test
    void splitsPlainAndQuotedFields() {
        assertThat(CsvFields.split("O-1,\"广东省, 深圳市\",,\"say \"\"hi\"\"\",\"\""))
                .containsExactly("O-1", "广东省, 深圳市", "", "say \"hi\"", "");
    }

    @Test
    void takesAQuoteInsideAnUnquotedFieldLiterally() {
        assertThat(CsvFields.split("12\" pizza,x\"y")).containsExactly("12\" pizza", "x\"y");
    }

    @Test
    void saysWhenTheRecordGoesOnAfterALineBreak() {
        assertThat(CsvFields.split("O-1,\"first line")).isNull();
        assertThat(CsvFields.split("O-1,\"first line\nsecond\",3")).containsExactly("O-1", "first line\nsecond", "3");
    }

    /** Fields are taken as substrings; they must be what RFC 4180's reading, character by character, gives. */
    @Test
    void readsRandomRecordsAsCharacterByCharacterSplitting() {
        SplittableRandom random = new SplittableRandom(8);
        String alphabet = ",,\"\"\"a b\n订😀";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder record = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                record.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(CsvFields.split(record.toString())).as(record.toString())
                    .isEqualTo(characterByCharacter(record.toString()));
        }
    }

    private static List<String> characterByCharacter(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append(c);
            }
            fieldStart = false;
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
