package io.keliu.orderanalytics.latency;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void quantiles_are_within_the_relative_accuracy_of_the_exact_ones() {
        Random random = new Random(7);
        double[] latencies = new double[20_000];
        LatencyHistogram histogram = LatencyHistogram.empty();
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = 20 + Math.exp(random.nextGaussian() * 1.5 + 4);
            histogram.add(LatencyHistogram.of(latencies[i]), 1);
        }
        Arrays.sort(latencies);
        for (double q : new double[]{0.5, 0.9}) {
            double exact = latencies[(int) Math.floor(q * (latencies.length - 1))];
            assertThat(histogram.quantile(q)).isCloseTo(exact, within(exact * 0.011));
        }
    }

    @Test
    void subtracting_what_was_added_leaves_nothing_and_zero_latencies_count() {
        LatencyHistogram histogram = LatencyHistogram.of(0).add(LatencyHistogram.of(75), 1);
        LatencyHistogram copy = LatencyHistogram.fromJson(histogram.toJson());
        assertThat(copy).isEqualTo(histogram);
        assertThat(histogram.quantile(0.5)).isZero();
        assertThat(histogram.quantile(1.0)).isCloseTo(75, within(0.75));

        histogram.add(LatencyHistogram.of(75), -1).add(LatencyHistogram.of(0), -1);
        assertThat(histogram.isEmpty()).isTrue();
        assertThat(histogram.quantile(0.5)).isNull();
    }

    @Test
    void reads_the_json_postgres_writes() {
        LatencyHistogram histogram = LatencyHistogram.fromJson("{\"z\": 2, \"430\": 3}");
        assertThat(histogram.count()).isEqualTo(5);
        assertThat(histogram.toJson()).isEqualTo("{\"430\":3,\"z\":2}");
    }
}
