package io.keliu.analytics.customers;

import java.util.Arrays;

/** Rank-based scaling shared by the scores: robust to outliers and to the units of the inputs. */
public final class Ranks {

    private Ranks() {
    }

    /** (mid-rank − 1) / (n − 1): 0 for the smallest value, 1 for the largest, ties share their mean rank. */
    public static double[] percentileRanks(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            int below = countBelow(sorted, values[i]);
            int atOrBelow = countBelow(sorted, Math.nextUp(values[i]));
            ranks[i] = n == 1 ? 1 : (below + atOrBelow - 1) / 2.0 / (n - 1);
        }
        return ranks;
    }

    /**
     * Scores 1..groups by quantile: a value's score grows with the share of values strictly below it, so equal values
     * always share a score (many one-time buyers all get frequency score 1 instead of being split arbitrarily).
     */
    public static int[] quantileScores(double[] values, int groups) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            double shareBelow = (double) countBelow(sorted, values[i]) / n;
            scores[i] = Math.min(groups, 1 + (int) Math.floor(shareBelow * groups));
        }
        return scores;
    }

    /**
     * The number of values in {@code sorted} strictly below {@code value}: the first index holding {@code value} or
     * more, by bisection. (Walking back over ties from a match instead made ranking quadratic in the size of a tie:
     * among a million customers, hundreds of thousands share a purchase count.)
     */
    private static int countBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
