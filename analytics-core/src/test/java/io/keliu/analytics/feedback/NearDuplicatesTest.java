package io.keliu.analytics.feedback;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicatesTest {

    private static final SparseVector LATE = new SparseVector(new int[] {0, 1}, new double[] {0.8, 0.6});
    private static final SparseVector LATE_AGAIN = new SparseVector(new int[] {0, 2}, new double[] {0.8, 0.6});
    private static final SparseVector REFUND = new SparseVector(new int[] {3}, new double[] {1});
    private static final Instant MONDAY = Instant.parse("2026-11-02T10:00:00Z");

    private final NearDuplicates repeats = new NearDuplicates(0.6, Duration.ofDays(7));

    @Test
    void aCustomerSayingTheSameAgainWithinTheWindowRepeatsTheFirstText() {
        assertThat(repeats.add("u1", MONDAY, LATE)).isEqualTo(NearDuplicates.NONE);
        assertThat(repeats.add("u1", MONDAY.plus(Duration.ofDays(1)), REFUND)).as("another problem")
                .isEqualTo(NearDuplicates.NONE);
        assertThat(repeats.add("u1", MONDAY.plus(Duration.ofDays(2)), LATE_AGAIN)).as("cos 0.64").isZero();
        assertThat(repeats.add("u1", MONDAY.plus(Duration.ofDays(3)), LATE_AGAIN)).as("the chain's first text")
                .isZero();
    }

    @Test
    void otherCustomersUnknownCustomersAndOldTextsAreNoRepeats() {
        repeats.add("u1", MONDAY, LATE);

        assertThat(repeats.add("u2", MONDAY, LATE)).isEqualTo(NearDuplicates.NONE);
        assertThat(repeats.add(null, MONDAY, LATE)).isEqualTo(NearDuplicates.NONE);
        assertThat(repeats.add(null, MONDAY, LATE)).isEqualTo(NearDuplicates.NONE);
        assertThat(repeats.add("u1", MONDAY.plus(Duration.ofDays(8)), LATE)).isEqualTo(NearDuplicates.NONE);
        assertThat(repeats.add("u1", null, LATE)).as("no time: the window cannot tell").isZero();
    }
}
