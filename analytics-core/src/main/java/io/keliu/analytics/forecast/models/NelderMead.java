package io.keliu.analytics.forecast.models;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation (Nelder and Mead 1965, standard coefficients). Enough for the handful of smoothing
 * parameters of an exponential smoothing model, whose likelihood has no convenient gradient.
 */
final class NelderMead {
    private static final double REFLECTION = 1;
    private static final double EXPANSION = 2;
    private static final double CONTRACTION = 0.5;
    private static final double SHRINK = 0.5;

    private NelderMead() {
    }

    static double[] minimize(ToDoubleFunction<double[]> objective, double[] start, double initialStep,
                             int maxEvaluations, double tolerance) {
        int dimensions = start.length;
        double[][] simplex = new double[dimensions + 1][];
        double[] values = new double[dimensions + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < dimensions; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += initialStep;
        }
        for (int i = 0; i <= dimensions; i++) {
            values[i] = objective.applyAsDouble(simplex[i]);
        }
        int evaluations = dimensions + 1;
        Integer[] order = new Integer[dimensions + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= dimensions; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
            int best = order[0];
            int worst = order[dimensions];
            int secondWorst = order[dimensions - 1];
            if (Math.abs(values[worst] - values[best]) <= tolerance * (Math.abs(values[best]) + tolerance)) {
                break;
            }
            double[] centroid = centroidWithout(simplex, worst);
            double[] reflected = along(centroid, simplex[worst], -REFLECTION);
            double reflectedValue = objective.applyAsDouble(reflected);
            evaluations++;
            if (reflectedValue < values[best]) {
                double[] expanded = along(centroid, simplex[worst], -EXPANSION);
                double expandedValue = objective.applyAsDouble(expanded);
                evaluations++;
                boolean expansionBetter = expandedValue < reflectedValue;
                simplex[worst] = expansionBetter ? expanded : reflected;
                values[worst] = expansionBetter ? expandedValue : reflectedValue;
            } else if (reflectedValue < values[secondWorst]) {
                simplex[worst] = reflected;
                values[worst] = reflectedValue;
            } else {
                double[] contracted = along(centroid, simplex[worst], CONTRACTION);
                double contractedValue = objective.applyAsDouble(contracted);
                evaluations++;
                if (contractedValue < values[worst]) {
                    simplex[worst] = contracted;
                    values[worst] = contractedValue;
                } else {
                    for (int i = 0; i <= dimensions; i++) {
                        if (i != best) {
                            simplex[i] = along(simplex[best], simplex[i], SHRINK);
                            values[i] = objective.applyAsDouble(simplex[i]);
                        }
                    }
                    evaluations += dimensions;
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= dimensions; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    private static double[] centroidWithout(double[][] simplex, int excluded) {
        double[] centroid = new double[simplex[0].length];
        for (int i = 0; i < simplex.length; i++) {
            if (i != excluded) {
                for (int d = 0; d < centroid.length; d++) {
                    centroid[d] += simplex[i][d] / (simplex.length - 1);
                }
            }
        }
        return centroid;
    }

    /** {@code from + factor * (towards - from)}: reflection and expansion use negative factors. */
    private static double[] along(double[] from, double[] towards, double factor) {
        double[] point = new double[from.length];
        for (int d = 0; d < point.length; d++) {
            point[d] = from[d] + factor * (towards[d] - from[d]);
        }
        return point;
    }
}
