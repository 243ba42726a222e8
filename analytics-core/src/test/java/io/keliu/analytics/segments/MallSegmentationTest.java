package io.keliu.analytics.segments;

import io.keliu.analytics.TestData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The mall customers teaching set: k = 5 on annual income and spending score, unscaled. */
class MallSegmentationTest {

    private static final FeatureMatrix INCOME_AND_SPENDING = FeatureMatrix.of(
            TestData.table("mall/Mall_Customers.csv"), List.of("Annual Income (k$)", "Spending Score (1-100)"));

    @Test
    void kMeansReproducesThePublishedPartition() {
        Segmentation segmentation = new Segmenter(SegmentationMethod.KMEANS, false, 42).segment(INCOME_AND_SPENDING, 5);

        assertThat(segmentation.withinSumOfSquares()).isCloseTo(44_448.46, within(0.01));
        assertThat(segmentation.segments().stream().mapToInt(Segment::size).sorted().toArray())
                .containsExactly(22, 23, 35, 39, 81);
        assertThat(segmentation.silhouette()).isCloseTo(0.554, within(0.001));
    }

    @Test
    void silhouetteChoosesFiveSegments() {
        Segmentation segmentation = new Segmenter(SegmentationMethod.KMEANS, false, 42)
                .segmentChoosingK(INCOME_AND_SPENDING, 2, 10);

        assertThat(segmentation.k()).isEqualTo(5);
        assertThat(segmentation.silhouetteByK()).containsOnlyKeys(2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void segmentsAreDescribedInOriginalUnits() {
        Segmentation segmentation = new Segmenter(SegmentationMethod.KMEANS, true, 42).segment(INCOME_AND_SPENDING, 5);
        Segment largest = segmentation.segments().getFirst();

        assertThat(largest.size()).isEqualTo(81);
        assertThat(largest.centroid().get("Annual Income (k$)")).isBetween(50.0, 60.0);
        assertThat(largest.description()).startsWith("81 customers (40.5 %)");
        Segment richSpenders = segmentation.segments().stream()
                .filter(s -> s.centroid().get("Spending Score (1-100)") > 70
                        && s.centroid().get("Annual Income (k$)") > 70)
                .findFirst().orElseThrow();
        assertThat(richSpenders.description()).contains("high Spending Score", "high Annual Income");
    }

    @Test
    void sameSeedGivesSameSegments() {
        Segmenter segmenter = new Segmenter(SegmentationMethod.KMEANS, true, 7);

        assertThat(segmenter.segment(INCOME_AND_SPENDING, 4).labels())
                .containsExactly(segmenter.segment(INCOME_AND_SPENDING, 4).labels());
    }

    @Test
    void gaussianMixtureAndWardFindTheSameFiveGroupsRoughly() {
        for (SegmentationMethod method : List.of(SegmentationMethod.GMM, SegmentationMethod.HIERARCHICAL)) {
            Segmentation segmentation = new Segmenter(method, true, 42).segment(INCOME_AND_SPENDING, 5);
            int[] sizes = segmentation.segments().stream().mapToInt(Segment::size).toArray();

            assertThat(Arrays.stream(sizes).sum()).as(method.name()).isEqualTo(200);
            assertThat(segmentation.silhouette()).as(method.name()).isGreaterThan(0.45);
        }
    }
}
