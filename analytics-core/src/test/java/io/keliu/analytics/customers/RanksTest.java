package io.keliu.analytics.customers;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RanksTest {

    @Test
    void quintilesSplitDistinctValuesIntoFifths() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 - i;
        }

        int[] scores = Ranks.quantileScores(values, 5);

        assertThat(scores[0]).isEqualTo(5);
        assertThat(scores[99]).isEqualTo(1);
        for (int score = 1; score <= 5; score++) {
            int expected = score;
            assertThat(Arrays.stream(scores).filter(s -> s == expected).count()).isEqualTo(20);
        }
    }

    @Test
    void tiedValuesShareAScore() {
        int[] scores = Ranks.quantileScores(new double[] {1, 1, 1, 1, 1, 1, 2, 3, 4, 5}, 5);

        assertThat(scores).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
    }

    @Test
    void percentileRanksUseMidRanks() {
        assertThat(Ranks.percentileRanks(new double[] {10, 20, 20, 30})).containsExactly(0, 0.5, 0.5, 1);
    }
}
