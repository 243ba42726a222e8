package io.keliu.analytics.customers;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The netting rule of docs/analytics.md, computed by hand on small order files. */
class RefundNettingTest {

    private static final String HEADER = "order_id,user_id,created_at,product_id,quantity,amount,status,cancelled"
            + ",updated_at,line_no\n";
    private static final LocalDate END = LocalDate.of(2024, 6, 30);

    private static CustomerSummary only(String rows) {
        OrdersCsv.Result read = OrdersCsv.standard().parse(HEADER + rows, "orders.csv");
        assertThat(read.rejections().errors()).isEmpty();
        List<CustomerSummary> summaries = CustomerSummaries.fromOrderLines(read.lines(), OrdersCsv.SHOP_ZONE, END);
        assertThat(summaries).hasSize(1);
        return summaries.getFirst();
    }

    @Test
    void everythingRefundedInSeparateOrdersLeavesNoSpendAndNoRepeatPurchase() {
        CustomerSummary c = only("""
                O1,c1,2024-01-10 10:00,tv,1,50000,已完成,,,
                O2,c1,2024-02-10 10:00,laptop,1,27000,已完成,,,
                R1,c1,2024-02-20 10:00,laptop,-1,-27000,已退款,,,
                R2,c1,2024-03-01 10:00,tv,-1,-50000,REFUNDED,true,,
                """);

        assertThat(c.monetaryValue()).isZero();
        assertThat(c.purchases()).isZero();
        assertThat(c.frequency()).as("not a repeat buyer").isZero();
        assertThat(c.meanRepeatSpend()).isZero();
        assertThat(c.firstPurchase()).as("dated by the first order").isEqualTo(LocalDate.of(2024, 1, 10));
    }

    @Test
    void aPartialRefundLowersSpendAndTakesFromTheLatestPurchaseFirst() {
        CustomerSummary c = only("""
                O1,c1,2024-01-10 10:00,tv,1,100,COMPLETED,,,
                O2,c1,2024-02-10 10:00,cable,2,30,COMPLETED,,,
                O3,c1,2024-03-10 10:00,stand,1,40,COMPLETED,,,
                R1,c1,2024-03-20 10:00,stand,-1,-40,REFUNDED,,,
                """);

        assertThat(c.monetaryValue()).isCloseTo(130, within(1e-9));
        assertThat(c.purchases()).as("O3 is refunded in full").isEqualTo(2);
        assertThat(c.frequency()).isEqualTo(1);
        assertThat(c.lastPurchase()).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(c.meanRepeatSpend()).isCloseTo(30, within(1e-9));
        assertThat(c.units()).isEqualTo(3);
    }

    @Test
    void aCancelledLineTakesBackWhatItAddedAndAnOrderNettingToZeroIsNoOccasion() {
        CustomerSummary c = only("""
                O1,c1,2024-01-10 10:00,tv,1,100,COMPLETED,,,
                O2,c1,2024-02-10 10:00,cable,1,30,PAID,,2024-02-10 10:00,1
                O2,c1,2024-02-10 10:00,cable,1,30,CANCELLED,,2024-02-11 09:00,1
                O3,c1,2024-03-10 10:00,stand,1,40,COMPLETED,是,,
                """);

        assertThat(c.monetaryValue()).as("the newer, cancelled version of O2's line counts").isEqualTo(100);
        assertThat(c.purchases()).isEqualTo(1);
        assertThat(c.frequency()).isZero();
        assertThat(c.daysSinceLastPurchase()).isEqualTo(172);
    }

    @Test
    void anOlderVersionArrivingLaterChangesNothing() {
        CustomerSummary c = only("""
                O1,c1,2024-01-10 10:00,tv,1,100,COMPLETED,,2024-01-12 10:00,1
                O1,c1,2024-01-10 10:00,tv,1,90,PAID,,2024-01-10 10:00,1
                O2,c1,2024-01-20 10:00,tv,1,120,COMPLETED,,,
                """);

        assertThat(c.monetaryValue()).isEqualTo(220);
        assertThat(c.frequency()).isEqualTo(1);
    }

    @Test
    void aRefundBeforeAnyPurchaseInTheFileStillLowersSpend() {
        CustomerSummary c = only("""
                R0,c1,2024-01-02 10:00,tv,-1,-20,REFUNDED,,,
                O1,c1,2024-01-10 10:00,tv,1,100,COMPLETED,,,
                """);

        assertThat(c.monetaryValue()).isEqualTo(80);
        assertThat(c.purchases()).isEqualTo(1);
        assertThat(c.firstPurchase()).isEqualTo(LocalDate.of(2024, 1, 10));
    }
}
