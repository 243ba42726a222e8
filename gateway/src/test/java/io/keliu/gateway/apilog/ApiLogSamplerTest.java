package io.keliu.gateway.apilog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiLogSamplerTest {

    @Test
    void logsEveryRequestUpToTheRateAndAboutThatManyWeightedRecordsAbove() {
        ApiLogSampler sampler = new ApiLogSampler(100);
        assertThat(loggedWeights(sampler, 1, 100)).isEqualTo(new long[]{100, 100});
        // 1,000 requests in a second: the first 100, then a sample growing sparser as the count rises
        long[] busy = loggedWeights(sampler, 2, 1000);
        assertThat(busy[0]).isBetween(150L, 350L);
        assertThat(busy[1]).isBetween(900L, 1100L);
        // the next second knows the last one was busy: one in 10 from its start, so 100 records standing for 1,000
        long[] next = loggedWeights(sampler, 3, 1000);
        assertThat(next[0]).isEqualTo(100);
        assertThat(next[1]).isEqualTo(1000);
        // 500 a second, steadily: 100 records a second, each standing for 5
        loggedWeights(sampler, 4, 500);
        assertThat(loggedWeights(sampler, 5, 500)).isEqualTo(new long[]{100, 500});
        // after a quiet gap, all of the first 100 again
        assertThat(loggedWeights(sampler, 10, 50)).isEqualTo(new long[]{50, 50});
    }

    /** {records logged, sum of their weights} for {@code requests} in one second. */
    private static long[] loggedWeights(ApiLogSampler sampler, long second, int requests) {
        long records = 0;
        long weights = 0;
        for (int i = 0; i < requests; i++) {
            int weight = sampler.weight(second);
            if (weight > 0) {
                records++;
                weights += weight;
            }
        }
        return new long[]{records, weights};
    }
}
