package io.keliu.analytics.segments;

import java.util.List;
import java.util.Map;

/**
 * The result of segmenting rows.
 *
 * @param method             how the rows were grouped
 * @param k                  number of segments
 * @param scaled             whether features were standardised before clustering
 * @param withinSumOfSquares in the clustered space (scaled units when scaled)
 * @param silhouette         mean silhouette in the clustered space
 * @param silhouetteByK      the silhouette of each k tried when k was chosen automatically, empty otherwise
 * @param labels             segment index of each row (segments numbered by size, largest first)
 * @param segments           their descriptions
 */
public record Segmentation(SegmentationMethod method, int k, boolean scaled, double withinSumOfSquares,
                           double silhouette, Map<Integer, Double> silhouetteByK, int[] labels,
                           List<Segment> segments) {
}
