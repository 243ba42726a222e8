package io.keliu.analytics.segments;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-means by Lloyd's iterations from k-means++ seeds (Arthur &amp; Vassilvitskii 2007), keeping the best of several
 * seeded restarts, so results are reproducible. Rows are kept in one flat array and the assignment step runs on
 * chunks in parallel; chunk sums are combined in a fixed order, so the result does not depend on thread timing.
 *
 * @param restarts      independent seedings; the partition with the smallest within-cluster sum of squares is kept
 * @param maxIterations Lloyd iterations per restart at most
 * @param seed          seed of the first restart
 */
public record KMeans(int restarts, int maxIterations, long seed) {

    private static final int CHUNK = 16_384;
    /**
     * Lloyd's iterations stop when the sum of squares improves by less than this share: near a poor local optimum
     * centroids can creep for hundreds of iterations, and restarts find better partitions sooner.
     */
    private static final double TOLERANCE = 1e-6;
    private static final int LARGE = 100_000;

    /** 10 restarts, or 3 for more than 100,000 rows, where every restart costs seconds. */
    public static KMeans forRows(int rows, long seed) {
        return new KMeans(rows > LARGE ? 3 : 10, 300, seed);
    }

    public Clustering fit(double[][] data, int k) {
        if (k < 1 || k > data.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of rows (" + data.length + ")");
        }
        Points points = new Points(data);
        Clustering best = null;
        for (int restart = 0; restart < restarts; restart++) {
            SplittableRandom random = new SplittableRandom(seed + restart);
            Clustering candidate = lloyd(points, seeds(seedingSample(data, random), k, random));
            if (best == null || candidate.withinSumOfSquares() < best.withinSumOfSquares()) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Greedy k-means++ (as in scikit-learn): each next seed is the best, by the resulting sum of squared distances, of
     * 2 + ⌊ln k⌋ rows drawn with probability proportional to their squared distance to the seeds so far. Plain
     * k-means++ too often puts two seeds into one dense blob, which Lloyd's iterations then repair only slowly.
     */
    private static double[] seeds(Points points, int k, SplittableRandom random) {
        int d = points.d;
        int candidates = 2 + (int) Math.log(k);
        double[] centroids = new double[k * d];
        System.arraycopy(points.x, random.nextInt(points.n) * d, centroids, 0, d);
        double[] nearest = new double[points.n];
        for (int i = 0; i < points.n; i++) {
            nearest[i] = points.distance(i, centroids, 0);
        }
        double[] trial = new double[points.n];
        double[] bestNearest = new double[points.n];
        for (int c = 1; c < k; c++) {
            double total = Arrays.stream(nearest).sum();
            double bestPotential = Double.POSITIVE_INFINITY;
            int bestRow = 0;
            for (int candidate = 0; candidate < candidates; candidate++) {
                int row = drawProportionally(nearest, total, random);
                double potential = 0;
                for (int i = 0; i < points.n; i++) {
                    trial[i] = Math.min(nearest[i], points.distanceBetween(i, row));
                    potential += trial[i];
                }
                if (potential < bestPotential) {
                    bestPotential = potential;
                    bestRow = row;
                    System.arraycopy(trial, 0, bestNearest, 0, points.n);
                }
            }
            System.arraycopy(points.x, bestRow * d, centroids, c * d, d);
            System.arraycopy(bestNearest, 0, nearest, 0, points.n);
        }
        return centroids;
    }

    /**
     * The rows seeds are drawn from: all of them, or a random 100,000 of larger data. Seeding makes k passes over
     * its rows per candidate, and a sample of that size already holds every cluster worth finding.
     */
    private static Points seedingSample(double[][] data, SplittableRandom random) {
        if (data.length <= LARGE) {
            return new Points(data);
        }
        return new Points(random.ints(LARGE, 0, data.length).mapToObj(i -> data[i]).toArray(double[][]::new));
    }

    /** A row drawn with probability proportional to its weight. */
    private static int drawProportionally(double[] weights, double total, SplittableRandom random) {
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target <= 0 && weights[i] > 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private Clustering lloyd(Points points, double[] centroids) {
        int k = centroids.length / points.d;
        int[] labels = new int[points.n];
        Arrays.fill(labels, -1);
        double previousDistortion = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            Step step = assign(points, centroids, labels);
            centroids = step.newCentroids(points, centroids, k);
            if (step.changed == 0 || previousDistortion - step.distortion <= TOLERANCE * step.distortion) {
                break;
            }
            previousDistortion = step.distortion;
        }
        assign(points, centroids, labels);
        return Clustering.of(points.rows(), labels, k);
    }

    /** Assigns every row to its nearest centroid and sums the rows of each cluster, chunk by chunk in parallel. */
    private static Step assign(Points points, double[] centroids, int[] labels) {
        int k = centroids.length / points.d;
        int chunks = (points.n + CHUNK - 1) / CHUNK;
        Step[] partial = IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
            Step step = new Step(k, points.d);
            int end = Math.min(points.n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < end; i++) {
                int label = points.nearest(i, centroids, k);
                step.distortion += points.distance(i, centroids, label);
                if (label != labels[i]) {
                    labels[i] = label;
                    step.changed++;
                }
                step.add(points, i, label);
            }
            return step;
        }).toArray(Step[]::new);
        Step total = new Step(k, points.d);
        for (Step step : partial) {
            total.merge(step);
        }
        return total;
    }

    /** Rows as one flat array, row i at [i*d, (i+1)*d). */
    private static final class Points {
        final int n;
        final int d;
        final double[] x;
        private final double[][] rows;

        Points(double[][] rows) {
            this.rows = rows;
            n = rows.length;
            d = rows[0].length;
            x = new double[n * d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows[i], 0, x, i * d, d);
            }
        }

        double[][] rows() {
            return rows;
        }

        double distance(int i, double[] centroids, int c) {
            double sum = 0;
            for (int j = 0, a = i * d, b = c * d; j < d; j++) {
                double diff = x[a + j] - centroids[b + j];
                sum += diff * diff;
            }
            return sum;
        }

        double distanceBetween(int i, int j) {
            double sum = 0;
            for (int m = 0, a = i * d, b = j * d; m < d; m++) {
                double diff = x[a + m] - x[b + m];
                sum += diff * diff;
            }
            return sum;
        }

        int nearest(int i, double[] centroids, int k) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double distance = distance(i, centroids, c);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            return best;
        }
    }

    /** Per-cluster sums and sizes of one assignment pass. */
    private static final class Step {
        final double[] sums;
        final int[] sizes;
        int changed;
        double distortion;

        Step(int k, int d) {
            sums = new double[k * d];
            sizes = new int[k];
        }

        void add(Points points, int i, int label) {
            sizes[label]++;
            for (int j = 0; j < points.d; j++) {
                sums[label * points.d + j] += points.x[i * points.d + j];
            }
        }

        void merge(Step other) {
            for (int j = 0; j < sums.length; j++) {
                sums[j] += other.sums[j];
            }
            for (int c = 0; c < sizes.length; c++) {
                sizes[c] += other.sizes[c];
            }
            changed += other.changed;
            distortion += other.distortion;
        }

        /** Cluster means; an empty cluster keeps its old centroid rather than collapsing to the origin. */
        double[] newCentroids(Points points, double[] old, int k) {
            double[] centroids = old.clone();
            for (int c = 0; c < k; c++) {
                if (sizes[c] > 0) {
                    for (int j = 0; j < points.d; j++) {
                        centroids[c * points.d + j] = sums[c * points.d + j] / sizes[c];
                    }
                }
            }
            return centroids;
        }
    }
}
