package io.keliu.analytics.feedback;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TopicClusteringTest {

    /** A unit vector over terms 0..n-1 with the given (unscaled) weights. */
    private static SparseVector vector(double... weights) {
        int n = (int) Arrays.stream(weights).filter(w -> w != 0).count();
        int[] terms = new int[n];
        double[] values = new double[n];
        double norm = Math.sqrt(Arrays.stream(weights).map(w -> w * w).sum());
        int k = 0;
        for (int t = 0; t < weights.length; t++) {
            if (weights[t] != 0) {
                terms[k] = t;
                values[k++] = weights[t] / norm;
            }
        }
        return new SparseVector(terms, values);
    }

    @Test
    void aTextJoinsTheMostSimilarTopicAtTheThresholdOrStartsOne() {
        TopicClustering clustering = new TopicClustering(0.45);

        assertThat(clustering.assign(vector(1, 1, 0, 0))).isZero();
        assertThat(clustering.assign(vector(0, 0, 1, 1))).isEqualTo(1);
        assertThat(clustering.assign(vector(1, 0, 0, 0))).as("cos 0.707 with topic 0").isZero();
        assertThat(clustering.assign(vector(0, 1, 1, 0))).as("cos 0.5 with topic 1, 0.27 with topic 0").isEqualTo(1);
        assertThat(clustering.assign(vector(0, 0, 0, 0, 1))).as("shares no term").isEqualTo(2);
        assertThat(clustering.assign(SparseVector.EMPTY)).isEqualTo(TopicClustering.NONE);

        assertThat(clustering.topics()).isEqualTo(3);
        assertThat(clustering.size(0)).isEqualTo(2);
        assertThat(clustering.size(1)).isEqualTo(2);
    }

    @Test
    void theCentroidIsTheSumOfItsTextsAndTheLabelItsHeaviestTerms() {
        TopicClustering clustering = new TopicClustering(0.1);
        clustering.assign(vector(2, 1, 0));
        clustering.assign(vector(1, 0, 1));

        // centroid = (2/√5 + 1/√2, 1/√5, 1/√2) = (1.6015, 0.4472, 0.7071)
        double x = 2 / Math.sqrt(5) + 1 / Math.sqrt(2);
        double y = 1 / Math.sqrt(5);
        double z = 1 / Math.sqrt(2);
        assertThat(clustering.nearest(vector(0, 1, 0)).similarity())
                .isCloseTo(y / Math.sqrt(x * x + y * y + z * z), within(1e-12));
        assertThat(clustering.termsByWeight(0).limit(2)).containsExactly(0, 2);
    }

    @Test
    void theThresholdMustBeASimilarity() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopicClustering(0)).withMessageContaining("(0, 1]");
    }
}
