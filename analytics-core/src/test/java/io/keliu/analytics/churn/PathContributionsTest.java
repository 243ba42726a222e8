package io.keliu.analytics.churn;

import org.junit.jupiter.api.Test;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.ValueVector;
import smile.model.cart.SplitRule;

import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PathContributionsTest {
    private static final String[] NAMES = {"silence", "spend", "noise"};

    /** Churn driven mostly by the first feature, a little by the second, not at all by the third. */
    private final double[][] x = new double[3000][];
    private final int[] y = new int[x.length];
    private final RandomForest forest;
    private final StructType schema;

    PathContributionsTest() {
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double p = 1 / (1 + Math.exp(-(6 * (x[i][0] - 0.5) - 1.5 * (x[i][1] - 0.5))));
            y[i] = random.nextDouble() < p ? 1 : 0;
        }
        long[] seeds = new SplittableRandom(5).longs(50).toArray();
        forest = RandomForest.fit(Formula.lhs("churned"), DataFrame.of(x, NAMES).add(ValueVector.of("churned", y)),
                new RandomForest.Options(50, 2, SplitRule.GINI, 8, 0, 10, 1.0, null, seeds, null));
        schema = DataFrame.of(new double[][] {x[0]}, NAMES).schema();
    }

    @Test
    void contributionsAddUpToTheChurnShareOfTheLeavesReached() {
        PathContributions paths = new PathContributions(forest.trees(), 3, 1);
        for (int i = 0; i < 200; i++) {
            Tuple customer = Tuple.of(schema, x[i]);
            double[] parts = paths.of(customer);
            assertThat(paths.base() + parts[0] + parts[1] + parts[2])
                    .isCloseTo(paths.leafShare(customer), within(1e-9));
        }
    }

    @Test
    void theFeatureThatDrivesChurnWeighsMostAndAgreesWithShapleyValues() {
        PathContributions paths = new PathContributions(forest.trees(), 3, 1);
        double[] weight = new double[3];
        int sameSign = 0;
        int customers = 500;
        for (int i = 0; i < customers; i++) {
            Tuple customer = Tuple.of(schema, x[i]);
            double[] parts = paths.of(customer);
            for (int j = 0; j < 3; j++) {
                weight[j] += Math.abs(parts[j]);
            }
            double[] shap = forest.shap(customer); // feature-major, one value per class
            if (Math.signum(shap[0 * 2 + 1]) == Math.signum(parts[0])) {
                sameSign++;
            }
        }
        assertThat(weight[0]).isGreaterThan(2 * weight[1]);
        assertThat(weight[1]).isGreaterThan(weight[2]);
        assertThat(sameSign).isGreaterThan(customers * 95 / 100);
    }
}
