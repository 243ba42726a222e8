package io.keliu.contracts.v1;

import org.junit.jupiter.api.Test;

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
}
