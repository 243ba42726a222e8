package io.keliu.profile.segments;

import java.util.Map;

/**
 * A segment of a refit, described for marketers.
 *
 * @param id       stable across refits for a cluster that matches one of the previous refit (nearest centroid)
 * @param centroid mean of each segmentation feature among its customers, in the features' own units
 */
public record SegmentProfile(int id, int size, String nameZh, String nameEn, String descriptionZh,
                             String descriptionEn, Map<String, Double> centroid) {
}
