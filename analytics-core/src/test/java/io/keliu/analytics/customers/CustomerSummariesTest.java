package io.keliu.analytics.customers;

import io.keliu.analytics.TestData;
import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CustomerSummariesTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    private static List<OrderLine> sampleLines() {
        return OrdersCsv.read(TestData.table("orders/sample_orders.csv"));
    }

    @Test
    void cancelledAndRefundedLinesAreDropped() {
        assertThat(sampleLines()).extracting(OrderLine::orderId)
                .doesNotContain("A4", "A6")
                .containsOnlyOnce("A5");
    }

    @Test
    void summarisesKnownCustomersUpToTheCalibrationEnd() {
        List<CustomerSummary> summaries = CustomerSummaries.asOf(OrdersCsv.purchases(sampleLines()), AS_OF);

        assertThat(summaries).extracting(CustomerSummary::customerId).containsExactly("u1", "u2", "u3");
        CustomerSummary u1 = summaries.getFirst();
        assertThat(u1.purchases()).isEqualTo(3);
        assertThat(u1.firstPurchase()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(u1.lastPurchase()).as("23:30 UTC is the next morning in Shanghai")
                .isEqualTo(LocalDate.of(2024, 2, 11));
        assertThat(u1.frequency()).isEqualTo(2);
        assertThat(u1.monetaryValue()).isCloseTo(53.5, within(1e-9));
        assertThat(u1.meanRepeatSpend()).isCloseTo(12.5, within(1e-9));
        assertThat(u1.recencyWeeks()).isCloseTo(37 / 7.0, within(1e-9));
        assertThat(u1.ageWeeks()).isCloseTo(86 / 7.0, within(1e-9));
        assertThat(u1.daysSinceLastPurchase()).isEqualTo(49);
        CustomerSummary u3 = summaries.get(2);
        assertThat(u3.purchases()).as("the April order is after the as-of date").isEqualTo(1);
        assertThat(u3.frequency()).isZero();
        assertThat(u3.meanRepeatSpend()).isZero();
    }

    @Test
    void anonymousOrdersStayForBasketsButNotForCustomers() {
        List<OrderLine> lines = sampleLines();

        assertThat(lines).anyMatch(OrderLine::isAnonymous);
        assertThat(OrdersCsv.purchases(lines)).noneMatch(p -> p.customerId().isBlank());
    }

    @Test
    void badDateNamesLineAndColumn() {
        CsvTable table = CsvTable.parse("""
                order_id,user_id,created_at,paid_at,product_id,quantity,amount,status,cancelled
                1,u,2024-01-01,,p,1,2,,
                2,u,yesterday,,p,1,2,,
                """, "orders.csv");

        assertThatThrownBy(() -> OrdersCsv.read(table)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("orders.csv, line 3, column created_at").hasMessageContaining("yesterday");
    }

    @Test
    void missingColumnAndBadNumberAreReported() {
        CsvTable noAmount = CsvTable.parse("order_id,user_id,created_at,product_id,quantity\n1,u,2024-01-01,p,1\n",
                "o.csv");
        CsvTable badAmount = CsvTable.parse(
                "order_id,user_id,created_at,product_id,quantity,amount\n1,u,2024-01-01,p,1,12元\n", "o.csv");

        assertThatThrownBy(() -> OrdersCsv.read(noAmount)).hasMessageContaining("missing column 'amount'");
        assertThatThrownBy(() -> OrdersCsv.read(badAmount)).hasMessageContaining("line 2, column amount")
                .hasMessageContaining("12元");
        assertThatThrownBy(() -> CsvTable.parse("", "empty.csv")).hasMessageContaining("empty file");
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        CsvTable table = CsvTable.parse("a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\n3,4\n", "q.csv");

        assertThat(table.text(0, 0)).isEqualTo("x, \"y\"");
        assertThat(table.text(0, 1)).isEqualTo("two\nlines");
        assertThat(table.where(1, 0)).isEqualTo("q.csv, line 4, column a");
    }
}
