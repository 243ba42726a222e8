package io.keliu.analytics.segments;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The mean silhouette (Rousseeuw 1987): for each row, (b − a) / max(a, b), where a is its mean distance to its own
 * cluster and b its mean distance to the nearest other cluster; near 1 means well separated clusters. Exact for up to
 * {@link #EXACT_LIMIT} rows (it costs n² distances); above that it is computed on a seeded random sample of that many
 * rows, which estimates the mean to about ±0.01.
 */
public final class Silhouette {

    public static final int EXACT_LIMIT = 4_000;

    private Silhouette() {
    }

    public static double mean(double[][] data, int[] labels, int k, long seed) {
        int[] rows = sample(data.length, seed);
        int[] sizes = new int[k];
        for (int row : rows) {
            sizes[labels[row]]++;
        }
        double sum = 0;
        double[] distanceSums = new double[k];
        for (int i : rows) {
            Arrays.fill(distanceSums, 0);
            for (int j : rows) {
                distanceSums[labels[j]] += Math.sqrt(Clustering.squaredDistance(data[i], data[j]));
            }
            int own = labels[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = distanceSums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, distanceSums[c] / sizes[c]);
                }
            }
            sum += b == Double.POSITIVE_INFINITY ? 0 : (b - a) / Math.max(a, b);
        }
        return sum / rows.length;
    }

    private static int[] sample(int n, long seed) {
        if (n <= EXACT_LIMIT) {
            return IntStream.range(0, n).toArray();
        }
        return new SplittableRandom(seed).ints(0, n).distinct().limit(EXACT_LIMIT).sorted().toArray();
    }
}
