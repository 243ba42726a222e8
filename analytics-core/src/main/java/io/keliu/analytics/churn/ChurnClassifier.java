package io.keliu.analytics.churn;

/** A fitted model of the chance that a customer churns, from encoded features. */
public interface ChurnClassifier {

    String name();

    /** P(churn) for one customer's encoded features. */
    double probability(double[] features);

    /**
     * How much each feature pushes this customer's prediction up (positive) or down: the log-odds contribution
     * relative to an average customer for logistic regression, the part along the customer's paths for trees
     * ({@link PathContributions}).
     */
    double[] contributions(double[] features);

    /** Overall importance of each feature, non-negative; larger matters more. */
    double[] importance();

    default double[] probabilities(double[][] rows) {
        double[] probabilities = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            probabilities[i] = probability(rows[i]);
        }
        return probabilities;
    }
}
