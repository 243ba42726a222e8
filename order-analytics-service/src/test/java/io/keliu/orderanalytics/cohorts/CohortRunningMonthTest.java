package io.keliu.orderanalytics.cohorts;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The running month is no complete month: its share is "so far", never in the retention row (docs/order-analytics.md). */
class CohortRunningMonthTest {
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void a_cohort_two_months_back_has_one_complete_month_and_the_running_month_so_far() {
        // October's 10 first-time customers: 3 bought again in November, 2 so far in December (the running month)
        long[] counts = counts(10, 3, 2);
        CohortService.Cohort october = CohortService.cohort(YearMonth.of(2026, 10), counts, DECEMBER);

        assertThat(october.complete()).isTrue();
        assertThat(october.retention().getFirst()).isEqualTo(0.3);
        assertThat(october.returning().getFirst()).isEqualTo(3);
        assertThat(october.retention().subList(1, 12)).containsOnlyNulls();
        assertThat(october.soFar()).isEqualTo(new CohortService.SoFar(2, 2, 0.2));
    }

    @Test
    void the_running_months_cohort_is_incomplete_and_has_nothing_so_far() {
        CohortService.Cohort december = CohortService.cohort(DECEMBER, counts(7), DECEMBER);

        assertThat(december.complete()).isFalse();
        assertThat(december.customers()).isEqualTo(7);
        assertThat(december.retention()).hasSize(12).containsOnlyNulls();
        assertThat(december.soFar()).isNull();
    }

    @Test
    void a_cohort_older_than_twelve_months_is_complete_in_every_month() {
        long[] counts = counts(4, 1, 0, 2);
        CohortService.Cohort old = CohortService.cohort(YearMonth.of(2025, 11), counts, DECEMBER);

        assertThat(old.retention()).hasSize(12).doesNotContainNull();
        assertThat(old.retention().subList(0, 3)).containsExactly(0.25, 0.0, 0.5);
        assertThat(old.soFar()).as("month 13 is past the table").isNull();
    }

    /** n[0] customers, n[k] returning in month k; the rest zero. */
    private static long[] counts(long... first) {
        long[] n = new long[CohortService.MONTHS + 1];
        System.arraycopy(first, 0, n, 0, first.length);
        return n;
    }
}
