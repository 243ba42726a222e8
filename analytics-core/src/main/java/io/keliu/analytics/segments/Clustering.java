package io.keliu.analytics.segments;

/**
 * A partition of rows into k groups.
 *
 * @param labels             group of each row, 0..k-1
 * @param centroids          mean of each group, in the space that was clustered
 * @param withinSumOfSquares sum of squared distances of rows to their group mean
 */
public record Clustering(int k, int[] labels, double[][] centroids, double withinSumOfSquares) {

    /** The partition given by {@code labels}, with centroids and within-group sum of squares computed from data. */
    public static Clustering of(double[][] data, int[] labels, int k) {
        int d = data[0].length;
        double[][] centroids = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < data.length; i++) {
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                centroids[labels[i]][j] += data[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                centroids[c][j] /= Math.max(1, sizes[c]);
            }
        }
        double wss = 0;
        for (int i = 0; i < data.length; i++) {
            wss += squaredDistance(data[i], centroids[labels[i]]);
        }
        return new Clustering(k, labels, centroids, wss);
    }

    public int[] sizes() {
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        return sizes;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
