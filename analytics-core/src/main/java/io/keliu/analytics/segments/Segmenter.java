package io.keliu.analytics.segments;

import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.WardLinkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Segments customers: optionally standardises the features, clusters with the chosen method, picks k by the best
 * silhouette when none is given, and describes each segment in the original units.
 *
 * @param method  k-means, Gaussian mixture or Ward hierarchical clustering (Smile's)
 * @param scale   standardise features first (recommended unless they share one unit)
 * @param seed    makes every random choice reproducible
 */
public record Segmenter(SegmentationMethod method, boolean scale, long seed) {

    /** Ward's method keeps an n×n distance triangle in memory; 10,000 rows take about 200 MB. */
    public static final int MAX_HIERARCHICAL_ROWS = 10_000;
    /** Features listed in a segment's description: the ones most above or below the overall mean. */
    private static final int DESCRIBED_FEATURES = 3;
    private static final double NOTABLE_DEVIATION = 0.25;

    /** Segments with k clusters. */
    public Segmentation segment(FeatureMatrix features, int k) {
        double[][] space = scale ? features.standardized() : features.values();
        Clustering clustering = cluster(space, k);
        return describe(features, space, clustering, Map.of());
    }

    /** Tries every k in [minK, maxK] and keeps the one with the highest silhouette. */
    public Segmentation segmentChoosingK(FeatureMatrix features, int minK, int maxK) {
        double[][] space = scale ? features.standardized() : features.values();
        int upper = Math.min(maxK, features.rows() - 1);
        if (upper < Math.max(2, minK)) {
            throw new IllegalArgumentException("too few rows (" + features.rows() + ") to choose k");
        }
        Map<Integer, Double> silhouetteByK = new LinkedHashMap<>();
        Clustering best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = Math.max(2, minK); k <= upper; k++) {
            Clustering candidate = cluster(space, k);
            double silhouette = Silhouette.mean(space, candidate.labels(), k, seed);
            silhouetteByK.put(k, silhouette);
            if (silhouette > bestSilhouette) {
                best = candidate;
                bestSilhouette = silhouette;
            }
        }
        return describe(features, space, best, silhouetteByK);
    }

    private Clustering cluster(double[][] space, int k) {
        if (k < 1 || k > space.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of rows (" + space.length + ")");
        }
        return switch (method) {
            case KMEANS -> KMeans.forRows(space.length, seed).fit(space, k);
            case GMM -> Clustering.of(space, gaussianMixtureLabels(space, k), k);
            case HIERARCHICAL -> Clustering.of(space, wardLabels(space, k), k);
        };
    }

    /** EM started from the seeded k-means partition, so it is reproducible too. */
    private int[] gaussianMixtureLabels(double[][] space, int k) {
        Clustering start = KMeans.forRows(space.length, seed).fit(space, k);
        return denseLabels(new GaussianMixture(500, 1e-8).labels(space, start));
    }

    private static int[] wardLabels(double[][] space, int k) {
        if (space.length > MAX_HIERARCHICAL_ROWS) {
            throw new IllegalArgumentException("hierarchical clustering is limited to " + MAX_HIERARCHICAL_ROWS
                    + " rows (it needs memory quadratic in rows); use k-means for " + space.length);
        }
        return HierarchicalClustering.fit(WardLinkage.of(space)).partition(k);
    }

    /** A mixture may leave components empty; labels are renumbered 0.. over the ones used. */
    private static int[] denseLabels(int[] labels) {
        int[] renumber = new int[Arrays.stream(labels).max().orElse(0) + 1];
        Arrays.fill(renumber, -1);
        int next = 0;
        int[] dense = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (renumber[labels[i]] < 0) {
                renumber[labels[i]] = next++;
            }
            dense[i] = renumber[labels[i]];
        }
        return dense;
    }

    private Segmentation describe(FeatureMatrix features, double[][] space, Clustering raw,
                                  Map<Integer, Double> silhouetteByK) {
        int k = Arrays.stream(raw.labels()).max().orElse(0) + 1;
        Clustering clustering = Clustering.of(space, bySize(raw.labels(), k), k);
        Clustering original = Clustering.of(features.values(), clustering.labels(), k);
        double silhouette = Silhouette.mean(space, clustering.labels(), k, seed);
        double[] means = features.means();
        double[] sd = features.standardDeviations();
        int[] sizes = clustering.sizes();
        List<Segment> segments = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            segments.add(segment(features, c, sizes[c], original.centroids()[c], means, sd));
        }
        return new Segmentation(method, k, scale, clustering.withinSumOfSquares(), silhouette, silhouetteByK,
                clustering.labels(), segments);
    }

    private static Segment segment(FeatureMatrix features, int index, int size, double[] centroid, double[] means,
                                   double[] sd) {
        Map<String, Double> centroidByName = new LinkedHashMap<>();
        List<Segment.Deviation> deviations = new ArrayList<>();
        for (int j = 0; j < features.features(); j++) {
            centroidByName.put(features.names().get(j), centroid[j]);
            deviations.add(new Segment.Deviation(features.names().get(j), (centroid[j] - means[j]) / sd[j]));
        }
        deviations.sort(Comparator.comparingDouble((Segment.Deviation d) -> -Math.abs(d.standardDeviations())));
        double share = (double) size / features.rows();
        return new Segment(index, size, share, centroidByName, deviations, describe(size, share, deviations));
    }

    private static String describe(int size, double share, List<Segment.Deviation> deviations) {
        List<String> notable = deviations.stream()
                .filter(d -> Math.abs(d.standardDeviations()) >= NOTABLE_DEVIATION)
                .limit(DESCRIBED_FEATURES)
                .map(d -> String.format(Locale.ROOT, "%s %s (%+.1f sd)", d.standardDeviations() > 0 ? "high" : "low",
                        d.feature(), d.standardDeviations()))
                .toList();
        String traits = notable.isEmpty() ? "close to the average on every feature" : String.join(", ", notable);
        return String.format(Locale.ROOT, "%d customers (%.1f %%): %s", size, 100 * share, traits);
    }

    /** Renumbers clusters by size, largest first, so that output does not depend on seeding order. */
    private static int[] bySize(int[] labels, int k) {
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer c) -> -sizes[c]).thenComparingInt(c -> c));
        int[] rank = new int[k];
        for (int r = 0; r < k; r++) {
            rank[order[r]] = r;
        }
        return Arrays.stream(labels).map(label -> rank[label]).toArray();
    }
}
