package io.keliu.analytics.churn;

import smile.classification.LogisticRegression;

/**
 * Logistic regression (Smile) on standardised features with a small ridge penalty, which keeps one-hot levels and
 * perfectly separating rare levels from producing infinite coefficients.
 */
final class LogisticChurnClassifier implements ChurnClassifier {

    private static final double RIDGE = 0.1;

    private final double[] means;
    private final double[] scales;
    private final LogisticRegression.Binomial model;
    private final double[] weights;

    LogisticChurnClassifier(double[][] x, int[] y) {
        int p = x[0].length;
        means = new double[p];
        scales = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            double squares = 0;
            for (double[] row : x) {
                sum += row[j];
                squares += row[j] * row[j];
            }
            means[j] = sum / x.length;
            double variance = squares / x.length - means[j] * means[j];
            scales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        double[][] standardized = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            standardized[i] = standardize(x[i]);
        }
        model = LogisticRegression.binomial(standardized, y, new LogisticRegression.Options(RIDGE, 1e-6, 500));
        weights = model.coefficients();
    }

    @Override
    public String name() {
        return "logistic regression";
    }

    @Override
    public double probability(double[] features) {
        double[] z = standardize(features);
        double logit = weights[weights.length - 1];
        for (int j = 0; j < z.length; j++) {
            logit += weights[j] * z[j];
        }
        return 1 / (1 + Math.exp(-logit));
    }

    /** w_j · z_j: the standardised feature's deviation from the training mean, times its coefficient. */
    @Override
    public double[] contributions(double[] features) {
        double[] z = standardize(features);
        double[] contributions = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            contributions[j] = weights[j] * z[j];
        }
        return contributions;
    }

    /** |w_j| on standardised features: the log-odds change of a one-standard-deviation change. */
    @Override
    public double[] importance() {
        double[] importance = new double[means.length];
        for (int j = 0; j < importance.length; j++) {
            importance[j] = Math.abs(weights[j]);
        }
        return importance;
    }

    private double[] standardize(double[] features) {
        double[] z = new double[features.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (features[j] - means[j]) / scales[j];
        }
        return z;
    }
}
