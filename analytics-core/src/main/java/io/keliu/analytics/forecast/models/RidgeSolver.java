package io.keliu.analytics.forecast.models;

/**
 * Ridge least squares on accumulated normal equations: {@code (X'X + diag(penalty)) b = X'y}, solved by Cholesky.
 * The normal equations are accumulated once so the same data can be solved under several penalties cheaply.
 */
final class RidgeSolver {
    private final int columns;
    private final double[][] gram;
    private final double[] moment;
    private double sum;
    private double sumOfSquares;
    private int rows;

    RidgeSolver(int columns) {
        this.columns = columns;
        this.gram = new double[columns][columns];
        this.moment = new double[columns];
    }

    /** Adds one observation; only the row's non-zero entries are visited, as most calendar columns are zero. */
    void add(double[] x, double y) {
        int[] nonZero = new int[columns];
        int count = 0;
        for (int i = 0; i < columns; i++) {
            if (x[i] != 0) {
                nonZero[count++] = i;
            }
        }
        for (int a = 0; a < count; a++) {
            int i = nonZero[a];
            double xi = x[i];
            moment[i] += xi * y;
            double[] gramRow = gram[i];
            for (int b = a; b < count; b++) {
                gramRow[nonZero[b]] += xi * x[nonZero[b]];
            }
        }
        sum += y;
        sumOfSquares += y * y;
        rows++;
    }

    int rows() {
        return rows;
    }

    /** Variance of the targets added so far, floored so a constant series does not divide by zero. */
    double targetVariance() {
        double mean = sum / rows;
        return Math.max(sumOfSquares / rows - mean * mean, 1e-12);
    }

    double[] solve(double[] penalty) {
        double[][] lower = new double[columns][columns];
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = gram[j][i] + (i == j ? penalty[i] : 0);
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                if (i == j) {
                    // A column that never varies in the data (e.g. a holiday outside the history) has zero
                    // diagonal; a tiny floor keeps it at a zero coefficient instead of failing.
                    lower[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    lower[i][j] = sum / lower[j][j];
                }
            }
        }
        double[] z = new double[columns];
        for (int i = 0; i < columns; i++) {
            double sum = moment[i];
            for (int k = 0; k < i; k++) {
                sum -= lower[i][k] * z[k];
            }
            z[i] = sum / lower[i][i];
        }
        double[] beta = new double[columns];
        for (int i = columns - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < columns; k++) {
                sum -= lower[k][i] * beta[k];
            }
            beta[i] = sum / lower[i][i];
        }
        return beta;
    }

    /** Residual sum of squares of a coefficient vector, from the accumulated moments without another data pass. */
    double residualSumOfSquares(double[] beta) {
        double fitted = 0;
        for (int i = 0; i < columns; i++) {
            double row = gram[i][i] * beta[i];
            for (int j = 0; j < columns; j++) {
                if (j != i) {
                    row += (j > i ? gram[i][j] : gram[j][i]) * beta[j];
                }
            }
            fitted += beta[i] * row;
        }
        double cross = 0;
        for (int i = 0; i < columns; i++) {
            cross += beta[i] * moment[i];
        }
        return Math.max(0, sumOfSquares - 2 * cross + fitted);
    }
}
