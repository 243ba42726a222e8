package io.keliu.profile.value;

import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.rfm.RfmAnalysis;
import io.keliu.analytics.rfm.RfmScore;
import io.keliu.analytics.rfm.RfmWeights;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RfmThresholdsTest {

    /** Many ties (most customers buy once) are where a boundary could be off by one. */
    @Test
    void scoresEveryCustomerOfTheRefitExactlyAsTheLibraryDoes() {
        Random random = new Random(3);
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 997; i++) {
            int purchases = random.nextDouble() < 0.6 ? 1 : 1 + random.nextInt(8);
            customers.add(new CustomerSummary("C" + i, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1), purchases,
                    purchases - 1, 0, 0, random.nextInt(400), purchases,
                    Math.round(random.nextDouble() * 50_000) / 100.0, 0));
        }
        RfmThresholds thresholds = RfmThresholds.of(customers);

        List<RfmScore> library = RfmAnalysis.score(customers, RfmWeights.DEFAULT);
        for (int i = 0; i < customers.size(); i++) {
            CustomerSummary c = customers.get(i);
            RfmThresholds.Rfm ours = thresholds.score(c.daysSinceLastPurchase(), c.purchases(), c.monetaryValue());
            assertThat(ours.cell()).as("customer %s", c.customerId()).isEqualTo(library.get(i).cell());
            assertThat(ours.segment()).isEqualTo(library.get(i).segment());
            assertThat(ours.score()).isEqualTo(library.get(i).weightedScore());
        }
    }
}
