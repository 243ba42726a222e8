package io.keliu.analytics.customers;

import io.keliu.analytics.TestData;
import io.keliu.analytics.io.CsvTable;
import io.keliu.contracts.v1.OrderLine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CustomerSummariesTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    private static List<OrderLine> sampleLines() {
        OrdersCsv.Result read = OrdersCsv.standard().read(TestData.path("orders/sample_orders.csv"),
                StandardCharsets.UTF_8);
        assertThat(read.rejections().rejected()).isZero();
        return read.lines();
    }

    private static List<Purchase> purchases(List<OrderLine> lines) {
        return OrderNetting.purchases(lines, OrdersCsv.SHOP_ZONE);
    }

    @Test
    void cancelledAndRefundedSalesAddNothing() {
        List<Purchase> purchases = purchases(sampleLines());

        assertThat(purchases).filteredOn(p -> p.customerId().equals("u2")).extracting(Purchase::amount)
                .as("A5: bread 8.50 and a cancelled milk; A6: a refunded sale").containsExactly(8.5, 0.0);
    }

    @Test
    void summarisesKnownCustomersUpToTheCalibrationEnd() {
        List<CustomerSummary> summaries = CustomerSummaries.asOf(purchases(sampleLines()), AS_OF);

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

        assertThat(lines).anyMatch(OrderLine::anonymous);
        assertThat(purchases(lines)).extracting(Purchase::customerId).doesNotContainNull();
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        CsvTable table = CsvTable.parse("a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\n3,4\n", "q.csv");

        assertThat(table.text(0, 0)).isEqualTo("x, \"y\"");
        assertThat(table.text(0, 1)).isEqualTo("two\nlines");
        assertThat(table.where(1, 0)).isEqualTo("q.csv, line 4, column a");
    }
}
