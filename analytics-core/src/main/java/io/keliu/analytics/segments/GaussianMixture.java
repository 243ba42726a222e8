package io.keliu.analytics.segments;

/**
 * A Gaussian mixture with full covariance matrices fitted by EM, started from a k-means partition. Written here rather
 * than taken from Smile because Smile's version needs a native LAPACK library that users may not have; with the few
 * features of customer segmentation, a Cholesky factorisation per component per iteration is cheap.
 *
 * @param maxIterations EM iterations at most
 * @param tolerance     stop when the mean log-likelihood per row improves by less than this
 */
record GaussianMixture(int maxIterations, double tolerance) {

    /** Added to covariance diagonals so that a component collapsing onto few rows stays invertible. */
    private static final double RIDGE = 1e-6;

    /** The most probable component of each row. */
    int[] labels(double[][] data, Clustering start) {
        int k = start.k();
        int n = data.length;
        double[][] responsibilities = new double[n][k];
        for (int i = 0; i < n; i++) {
            responsibilities[i][start.labels()[i]] = 1;
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            Components components = Components.estimate(data, responsibilities);
            double logLikelihood = components.expectation(data, responsibilities) / n;
            if (logLikelihood - previous < tolerance) {
                break;
            }
            previous = logLikelihood;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 1; c < k; c++) {
                if (responsibilities[i][c] > responsibilities[i][labels[i]]) {
                    labels[i] = c;
                }
            }
        }
        return labels;
    }

    /** Weights, means and Cholesky factors of the covariances. */
    private record Components(double[] logWeights, double[][] means, double[][][] cholesky, double[] logDeterminants) {

        /** M-step: weighted means and covariances from the responsibilities. */
        static Components estimate(double[][] data, double[][] responsibilities) {
            int n = data.length;
            int k = responsibilities[0].length;
            int d = data[0].length;
            double[] logWeights = new double[k];
            double[][] means = new double[k][d];
            double[][][] cholesky = new double[k][][];
            double[] logDeterminants = new double[k];
            for (int c = 0; c < k; c++) {
                double weight = 0;
                for (int i = 0; i < n; i++) {
                    weight += responsibilities[i][c];
                    for (int j = 0; j < d; j++) {
                        means[c][j] += responsibilities[i][c] * data[i][j];
                    }
                }
                double total = Math.max(weight, 1e-12);
                for (int j = 0; j < d; j++) {
                    means[c][j] /= total;
                }
                double[][] covariance = new double[d][d];
                for (int i = 0; i < n; i++) {
                    for (int a = 0; a < d; a++) {
                        double da = data[i][a] - means[c][a];
                        for (int b = 0; b <= a; b++) {
                            covariance[a][b] += responsibilities[i][c] * da * (data[i][b] - means[c][b]) / total;
                        }
                    }
                }
                for (int a = 0; a < d; a++) {
                    covariance[a][a] += RIDGE;
                }
                cholesky[c] = choleskyLower(covariance);
                for (int a = 0; a < d; a++) {
                    logDeterminants[c] += 2 * Math.log(cholesky[c][a][a]);
                }
                logWeights[c] = Math.log(total / n);
            }
            return new Components(logWeights, means, cholesky, logDeterminants);
        }

        /** E-step: fills the responsibilities and returns the log-likelihood. */
        double expectation(double[][] data, double[][] responsibilities) {
            int k = logWeights.length;
            int d = data[0].length;
            double logLikelihood = 0;
            double[] logDensity = new double[k];
            double[] z = new double[d];
            for (int i = 0; i < data.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double mahalanobis = solveLower(cholesky[c], data[i], means[c], z);
                    logDensity[c] = logWeights[c] - 0.5 * (d * Math.log(2 * Math.PI) + logDeterminants[c] + mahalanobis);
                    max = Math.max(max, logDensity[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(logDensity[c] - max);
                }
                for (int c = 0; c < k; c++) {
                    responsibilities[i][c] = Math.exp(logDensity[c] - max) / sum;
                }
                logLikelihood += max + Math.log(sum);
            }
            return logLikelihood;
        }

        /** ‖L⁻¹(x − μ)‖² by forward substitution. */
        private static double solveLower(double[][] lower, double[] x, double[] mean, double[] z) {
            double squared = 0;
            for (int a = 0; a < z.length; a++) {
                double value = x[a] - mean[a];
                for (int b = 0; b < a; b++) {
                    value -= lower[a][b] * z[b];
                }
                z[a] = value / lower[a][a];
                squared += z[a] * z[a];
            }
            return squared;
        }

        /** The lower-triangular L with L·Lᵀ = the covariance (only its lower triangle is read). */
        private static double[][] choleskyLower(double[][] covariance) {
            int d = covariance.length;
            double[][] lower = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double sum = covariance[a][b];
                    for (int m = 0; m < b; m++) {
                        sum -= lower[a][m] * lower[b][m];
                    }
                    lower[a][b] = a == b ? Math.sqrt(Math.max(sum, RIDGE)) : sum / lower[b][b];
                }
            }
            return lower;
        }
    }
}
