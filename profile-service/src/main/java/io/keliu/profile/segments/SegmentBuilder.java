package io.keliu.profile.segments;

import io.keliu.analytics.segments.FeatureMatrix;
import io.keliu.analytics.segments.Segment;
import io.keliu.analytics.segments.SegmentationMethod;
import io.keliu.analytics.segments.Segmentation;
import io.keliu.analytics.segments.Segmenter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Segments customers with the analytics library (k-means or GMM over standardised features), keeps segment ids of
 * the previous refit for the clusters nearest to its segments, and names each segment in plain words.
 */
public final class SegmentBuilder {
    private final SegmentationMethod method;
    private final long seed;

    public SegmentBuilder(String method, long seed) {
        this.method = SegmentationMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT));
        this.seed = seed;
    }

    /** The segments and, per row, its segment id. */
    public record Result(List<SegmentProfile> segments, int[] ids) {
    }

    /**
     * @param features  one row per customer
     * @param gapDays   each customer's mean days between purchase days (NaN for one purchase day)
     * @param previous  the previous refit's segments (empty for the first)
     */
    public Result segment(FeatureMatrix features, int k, double[] gapDays, List<SegmentProfile> previous) {
        int clusters = Math.min(k, features.rows());
        Segmentation segmentation = new Segmenter(method, true, seed).segment(features, clusters);
        int[] ids = matchIds(features, segmentation.segments(), previous);
        SegmentNaming naming = new SegmentNaming(features);
        List<SegmentProfile> profiles = new ArrayList<>();
        for (Segment segment : segmentation.segments()) {
            int id = ids[segment.index()];
            profiles.add(naming.describe(id, segment, medianGap(segmentation.labels(), segment.index(), gapDays)));
        }
        int[] rowIds = new int[features.rows()];
        for (int row = 0; row < rowIds.length; row++) {
            rowIds[row] = ids[segmentation.labels()[row]];
        }
        profiles.sort(Comparator.comparingInt(SegmentProfile::id));
        return new Result(List.copyOf(profiles), rowIds);
    }

    /**
     * Greedy matching on the distance between centroids in standard deviations of today's data: the closest pair
     * first. A cluster left without a partner gets an id no earlier refit used.
     */
    static int[] matchIds(FeatureMatrix features, List<Segment> segments, List<SegmentProfile> previous) {
        double[] means = features.means();
        double[] sds = features.standardDeviations();
        record Pair(int segment, int id, double distance) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (Segment segment : segments) {
            for (SegmentProfile old : previous) {
                double d = 0;
                for (int j = 0; j < features.features(); j++) {
                    String name = features.names().get(j);
                    Double before = old.centroid().get(name);
                    double scale = sds[j] > 0 ? sds[j] : 1;
                    double delta = before == null ? 0 : (segment.centroid().get(name) - before) / scale;
                    d += delta * delta;
                }
                pairs.add(new Pair(segment.index(), old.id(), d));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance));
        int[] ids = new int[segments.size()];
        java.util.Arrays.fill(ids, -1);
        Set<Integer> taken = new HashSet<>();
        for (Pair pair : pairs) {
            if (ids[pair.segment()] < 0 && taken.add(pair.id())) {
                ids[pair.segment()] = pair.id();
            }
        }
        int next = previous.stream().mapToInt(SegmentProfile::id).max().orElse(0) + 1;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                ids[i] = next++;
            }
        }
        return ids;
    }

    private static double medianGap(int[] labels, int segment, double[] gapDays) {
        List<Double> gaps = new ArrayList<>();
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] == segment && !Double.isNaN(gapDays[row])) {
                gaps.add(gapDays[row]);
            }
        }
        return median(gaps);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Map<String, Double> medians(FeatureMatrix features) {
        Map<String, Double> medians = new HashMap<>();
        for (int j = 0; j < features.features(); j++) {
            double[] column = new double[features.rows()];
            for (int row = 0; row < column.length; row++) {
                column[row] = features.values()[row][j];
            }
            java.util.Arrays.sort(column);
            int n = column.length;
            medians.put(features.names().get(j), n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2);
        }
        return medians;
    }
}
