package io.keliu.analytics.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well predicted churn probabilities match held-out outcomes.
 *
 * @param auc         area under the ROC curve: the chance a random churner is ranked above a random stayer
 * @param accuracy    share classified right at the 0.5 threshold
 * @param precision   share of predicted churners who churned (threshold 0.5)
 * @param recall      share of churners predicted (threshold 0.5)
 * @param brierScore  mean squared error of the probabilities (0 is perfect; always predicting the base rate scores
 *                    rate·(1 − rate))
 * @param reliability calibration: per probability decile, the mean prediction against the observed churn rate
 */
public record ValidationMetrics(int customers, double churnRate, double auc, double accuracy, double precision,
                                double recall, double brierScore, List<ReliabilityBin> reliability) {

    private static final int BINS = 10;

    /** One calibration bin: customers with predictions in [from, to). */
    public record ReliabilityBin(double from, double to, int customers, double meanPrediction, double churnRate) {
    }

    public static ValidationMetrics of(double[] probability, int[] churned) {
        int n = probability.length;
        int positives = 0;
        int truePositives = 0;
        int predictedPositives = 0;
        int correct = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            boolean predicted = probability[i] >= 0.5;
            positives += churned[i];
            predictedPositives += predicted ? 1 : 0;
            truePositives += predicted && churned[i] == 1 ? 1 : 0;
            correct += predicted == (churned[i] == 1) ? 1 : 0;
            brier += (probability[i] - churned[i]) * (probability[i] - churned[i]) / n;
        }
        return new ValidationMetrics(n, (double) positives / n, auc(probability, churned), (double) correct / n,
                predictedPositives == 0 ? 0 : (double) truePositives / predictedPositives,
                positives == 0 ? 0 : (double) truePositives / positives, brier, reliability(probability, churned));
    }

    /** The Mann–Whitney statistic with mid-ranks for tied probabilities. */
    static double auc(double[] probability, int[] churned) {
        int n = probability.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> probability[i]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && probability[order[end + 1]] == probability[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                if (churned[order[i]] == 1) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    private static List<ReliabilityBin> reliability(double[] probability, int[] churned) {
        int[] counts = new int[BINS];
        double[] predicted = new double[BINS];
        double[] observed = new double[BINS];
        for (int i = 0; i < probability.length; i++) {
            int bin = Math.min(BINS - 1, (int) (probability[i] * BINS));
            counts[bin]++;
            predicted[bin] += probability[i];
            observed[bin] += churned[i];
        }
        List<ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (counts[b] > 0) {
                bins.add(new ReliabilityBin((double) b / BINS, (double) (b + 1) / BINS, counts[b],
                        predicted[b] / counts[b], observed[b] / counts[b]));
            }
        }
        return bins;
    }
}
