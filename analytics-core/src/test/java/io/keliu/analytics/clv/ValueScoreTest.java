package io.keliu.analytics.clv;

import io.keliu.analytics.customers.CustomerSummary;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ValueScoreTest {

    private static CustomerSummary customer(String id, double units, double spend, int repeats) {
        LocalDate day = LocalDate.of(2024, 1, 1);
        return new CustomerSummary(id, day, day, repeats + 1, repeats, 0, 10, 0, units, spend, 0);
    }

    @Test
    void scoresRankInputsSoThatNoUnitDominates() {
        List<CustomerSummary> customers = List.of(customer("small", 1, 10, 0), customer("mid", 5, 100, 2),
                customer("whale", 6, 1_000_000, 3));

        double[] scores = ValueScore.DEFAULT.score(customers);

        assertThat(scores[0]).isCloseTo(0, within(1e-12));
        assertThat(scores[1]).isCloseTo(0.5, within(1e-12));
        assertThat(scores[2]).isCloseTo(1, within(1e-12));
    }

    @Test
    void weightsShiftTheOrder() {
        List<CustomerSummary> customers = List.of(customer("bulk", 50, 100, 0), customer("loyal", 2, 100, 9));

        assertThat(new ValueScore(1, 0, 0).score(customers)[0]).isGreaterThan(new ValueScore(1, 0, 0)
                .score(customers)[1]);
        assertThat(new ValueScore(0, 0, 1).score(customers)[1]).isGreaterThan(new ValueScore(0, 0, 1)
                .score(customers)[0]);
    }
}
