package io.keliu.analytics.optimize;

import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NelderMeadTest {

    private final NelderMead optimizer = new NelderMead(1e-12, 20_000);

    @Test
    void findsTheMinimumOfRosenbrocksValley() {
        double[] best = optimizer.minimize(x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1}, 1.0);

        assertThat(best[0]).isCloseTo(1, within(1e-4));
        assertThat(best[1]).isCloseTo(1, within(1e-4));
    }

    @Test
    void minimisesInOneAndInFourDimensions() {
        assertThat(optimizer.minimize(x -> Math.pow(x[0] - 3, 2), new double[] {0}, 1.0)[0])
                .isCloseTo(3, within(1e-5));

        double[] best = optimizer.minimize(x -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (i + 1) * Math.pow(x[i] - i, 2);
            }
            return sum;
        }, new double[] {5, 5, 5, 5}, 1.0);
        for (int i = 0; i < best.length; i++) {
            assertThat(best[i]).isCloseTo(i, within(1e-5));
        }
    }

    @Test
    void leavesTheStartAloneAndTreatsInfinityAsInadmissible() {
        double[] start = {0.5};
        double[] best = optimizer.minimize(x -> x[0] <= 0 ? Double.POSITIVE_INFINITY : x[0] - Math.log(x[0]), start,
                1.0);

        assertThat(start).containsExactly(0.5);
        assertThat(best[0]).isCloseTo(1, within(1e-5));
    }

    @Test
    void stoppingOnValuesAloneIsCheaperAndStillCloseInValue() {
        int[] evaluations = {0, 0};
        // a long flat valley: the values settle well before the simplex has shrunk along it
        ToDoubleFunction<double[]> bowl = x -> Math.pow(x[0] - 1, 2) + 1e-4 * Math.pow(x[1] + 2, 2);
        double[] strict = new NelderMead(1e-6, 1000).minimize(x -> {
            evaluations[0]++;
            return bowl.applyAsDouble(x);
        }, new double[] {0, 0}, 1.0);
        double[] loose = new NelderMead(1e-6, Double.POSITIVE_INFINITY, 1000).minimize(x -> {
            evaluations[1]++;
            return bowl.applyAsDouble(x);
        }, new double[] {0, 0}, 1.0);

        assertThat(evaluations[1]).isLessThan(evaluations[0]);
        assertThat(bowl.applyAsDouble(loose)).isLessThan(1e-3);
        assertThat(strict[0]).isCloseTo(1, within(1e-3));
        assertThat(strict[1]).isCloseTo(-2, within(1e-2));
    }

    @Test
    void stopsAtTheEvaluationBudget() {
        int[] evaluations = {0};
        new NelderMead(1e-15, 50).minimize(x -> {
            evaluations[0]++;
            return 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2);
        }, new double[] {-1.2, 1}, 1.0);

        assertThat(evaluations[0]).isLessThanOrEqualTo(5 * (50 + 3) + 6);
    }

    @Test
    void rejectsMeaninglessSettings() {
        assertThatThrownBy(() -> new NelderMead(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NelderMead(1e-6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NelderMead(1e-6, 0.0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> optimizer.minimize(x -> 0, new double[0], 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> optimizer.minimize(x -> 0, new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
