package io.keliu.analytics.clv;

import io.keliu.analytics.TestData;
import io.keliu.analytics.customers.CdnowTransactions;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.io.CsvTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/** Fader, Hardie &amp; Lee's CDNOW results, from their published summary and from the raw transactions. */
class CdnowPublishedResultsTest {

    /** The published file is rounded to 2 decimals; a tiny margin absorbs binary floating-point error. */
    private static final double HALF_A_CENT = 0.005 + 1e-9;
    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    @Test
    void bgNbdFitOnPublishedSummaryMatchesThePaper() {
        BgNbdModel.Fit fit = BgNbdModel.fit(publishedHistories());

        assertPublishedBgNbd(fit);
    }

    @Test
    void bgNbdFitFromRawTransactionsMatchesThePaper() {
        List<CustomerSummary> summaries = rawSummaries();

        BgNbdModel.Fit fit = BgNbdModel.fit(PurchaseHistories.of(summaries));

        assertThat(summaries).hasSize(2357);
        assertPublishedBgNbd(fit);
    }

    /** The published rows are numbered by the file's second column, not by the customer id in the first. */
    @Test
    void rawTransactionsSummariseToThePublishedSummary() throws IOException {
        Map<String, Integer> publishedRowOf = new HashMap<>();
        for (String line : Files.readAllLines(TestData.path("cdnow/CDNOW_sample.txt"))) {
            String[] fields = line.strip().split("\\s+");
            publishedRowOf.put(fields[0], Integer.parseInt(fields[1]) - 1);
        }
        List<CustomerSummary> summaries = rawSummaries();
        CsvTable published = TestData.table("cdnow/cdnow_customers_summary_with_transactions.csv");

        assertThat(summaries).hasSize(published.size());
        for (CustomerSummary mine : summaries) {
            int row = publishedRowOf.get(mine.customerId());
            assertThat(mine.frequency()).as("x of %s", mine.customerId()).isEqualTo((int) published.number(row, 1));
            assertThat(mine.recencyWeeks()).as("t_x of %s", mine.customerId())
                    .isCloseTo(published.number(row, 2), within(HALF_A_CENT));
            assertThat(mine.ageWeeks()).as("T of %s", mine.customerId())
                    .isCloseTo(published.number(row, 3), within(HALF_A_CENT));
            assertThat(mine.meanRepeatSpend()).as("zbar of %s", mine.customerId())
                    .isCloseTo(published.number(row, 4), within(HALF_A_CENT));
        }
    }

    @Test
    void gammaGammaFitOnRepeatCustomersMatchesThePaper() {
        CsvTable published = TestData.table("cdnow/cdnow_customers_summary_with_transactions.csv");
        int[] x = new int[published.size()];
        double[] zbar = new double[published.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (int) published.number(i, published.column("x"));
            zbar[i] = published.number(i, published.column("zbar"));
        }
        SpendHistories spend = SpendHistories.of(x, zbar);

        GammaGammaModel model = GammaGammaModel.fit(spend).model();

        assertThat(spend.customers()).isEqualTo(946);
        assertThat(model.p()).isCloseTo(6.25, withPercentage(1));
        assertThat(model.q()).isCloseTo(3.74, withPercentage(1));
        assertThat(model.gamma()).isCloseTo(15.44, withPercentage(1));
    }

    @Test
    void conditionalExpectationMatchesThePaper() {
        BgNbdModel model = BgNbdModel.fit(publishedHistories()).model();

        assertThat(model.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.002));
        assertThat(model.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
        assertThat(model.probabilityAlive(2, 30.43, 38.86)).isBetween(0.5, 1.0);
    }

    private static void assertPublishedBgNbd(BgNbdModel.Fit fit) {
        BgNbdModel model = fit.model();
        assertThat(model.r()).isCloseTo(0.243, withPercentage(1));
        assertThat(model.alpha()).isCloseTo(4.414, withPercentage(1));
        assertThat(model.a()).isCloseTo(0.793, withPercentage(1));
        assertThat(model.b()).isCloseTo(2.426, withPercentage(1));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(1.0));
    }

    private static List<CustomerSummary> rawSummaries() {
        return CustomerSummaries.asOf(CdnowTransactions.read(TestData.path("cdnow/CDNOW_sample.txt")),
                CALIBRATION_END);
    }

    private static PurchaseHistories publishedHistories() {
        CsvTable published = TestData.table("cdnow/cdnow_customers_summary.csv");
        int n = published.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (int) published.number(i, published.column("frequency"));
            tx[i] = published.number(i, published.column("recency"));
            age[i] = published.number(i, published.column("T"));
        }
        return PurchaseHistories.of(x, tx, age);
    }
}
