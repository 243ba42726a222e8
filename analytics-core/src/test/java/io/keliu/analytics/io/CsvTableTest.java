package io.keliu.analytics.io;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @Test
    void hashCommentsAreSkippedOnlyWhenAskedForAndLinesStillCountThem() {
        String text = "# visitors per day\n\nDate,Value\n# a note\n2024-05-01,3\n\n2024-05-02,\n";

        CsvTable table = CsvTable.parse(new StringReader(text), "s.csv", CsvTable.Comments.HASH_LINES);

        assertThat(table.header()).containsExactly("Date", "Value");
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.date(0, table.column("date"))).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(table.numberOrMissing(1, 1)).isNaN();
        assertThat(table.where(1, 1)).isEqualTo("s.csv, line 7, column Value");

        CsvTable orders = CsvTable.parse("name,amount\n#1001,5\n", "o.csv");
        assertThat(orders.text(0, 0)).isEqualTo("#1001");
    }

    @Test
    void typedCellsNameTheirPlace() {
        CsvTable table = CsvTable.parse("date,at,name\n2024-02-30,2024-05-01 13:00,\n", "t.csv");

        assertThat(table.timestamp(0, 1)).isEqualTo(LocalDateTime.of(2024, 5, 1, 13, 0));
        assertThatThrownBy(() -> table.date(0, 0)).isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv, line 2, column date: not a date (expected YYYY-MM-DD): '2024-02-30'");
        assertThatThrownBy(() -> table.requiredText(0, 2)).hasMessage("t.csv, line 2, column name: empty value");
        assertThatThrownBy(() -> CsvTable.parse("a,b\n", "h.csv").requireRows()).hasMessageContaining("no data rows");
    }

    @Test
    void aQuotedFieldMaySpanLinesButMustBeClosed() {
        CsvTable table = CsvTable.parse("id,remark,n\n1,\"two\nlines, \"\"quoted\"\"\",3\n2,12\" pizza,4\n", "q.csv");

        assertThat(table.text(0, 1)).isEqualTo("two\nlines, \"quoted\"");
        assertThat(table.text(1, 1)).isEqualTo("12\" pizza");
        assertThat(table.where(1, 2)).isEqualTo("q.csv, line 4, column n");
        assertThatThrownBy(() -> CsvTable.parse("id,remark\n1,\"never closed\n", "u.csv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("u.csv: line 2 has an unclosed quote opened at line 2");
    }
}
