package io.keliu.profile.segments;

import io.keliu.analytics.segments.FeatureMatrix;
import io.keliu.analytics.segments.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentIdsTest {

    @Test
    void aClusterKeepsTheIdOfThePreviousSegmentNearestToItAndANewOneGetsAFreshId() {
        FeatureMatrix features = new FeatureMatrix(List.of("monetary", "recencyDays"),
                new double[][]{{100, 10}, {110, 12}, {1000, 5}, {1100, 6}, {50, 300}, {40, 320}});
        List<Segment> today = List.of(segment(0, 1050, 5.5), segment(1, 105, 11), segment(2, 45, 310));
        List<SegmentProfile> before = List.of(profile(7, 100, 10), profile(3, 1000, 6));

        int[] ids = SegmentBuilder.matchIds(features, today, before);

        assertThat(ids).containsExactly(3, 7, 8);
    }

    private static Segment segment(int index, double monetary, double recency) {
        return new Segment(index, 2, 1 / 3.0, Map.of("monetary", monetary, "recencyDays", recency), List.of(), "");
    }

    private static SegmentProfile profile(int id, double monetary, double recency) {
        return new SegmentProfile(id, 2, "", "", "", "", Map.of("monetary", monetary, "recencyDays", recency));
    }
}
