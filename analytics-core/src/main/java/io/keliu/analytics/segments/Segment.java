package io.keliu.analytics.segments;

import java.util.List;
import java.util.Map;

/**
 * One segment described for people.
 *
 * @param index       0 for the largest segment
 * @param size        rows in it
 * @param share       size as a share of all rows
 * @param centroid    mean of each feature in the segment, in the original units
 * @param deviations  how far each feature's segment mean lies from the overall mean, in overall standard deviations,
 *                    most distinctive first
 * @param description e.g. "45 customers (22.5 %): high Spending Score (+1.2 sd), low Annual Income (-0.9 sd)"
 */
public record Segment(int index, int size, double share, Map<String, Double> centroid, List<Deviation> deviations,
                      String description) {

    /** A feature's segment mean relative to everybody's mean. */
    public record Deviation(String feature, double standardDeviations) {
    }
}
