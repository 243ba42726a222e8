package io.keliu.analytics.optimize;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation (Nelder &amp; Mead 1965) with the standard coefficients (reflection 1, expansion 2,
 * outside and inside contraction 1/2, shrink 1/2). Meant for a handful of parameters with a smooth objective and no
 * convenient gradient: the BG/NBD and Gamma-Gamma likelihoods in log-parameter space, and the smoothing parameters of
 * exponential smoothing models in logit space.
 *
 * <p>A run stops when the objective values across the simplex agree to the relative {@code tolerance} and every vertex
 * lies within {@code pointTolerance} of the best in every coordinate, or after {@code maxEvaluations} evaluations. The
 * search then restarts from its best point with a quarter of the step (at most 4 restarts) until a restart no longer
 * improves the value by more than the tolerance, to escape a collapsed simplex. Instances are immutable and
 * thread-safe.
 */
public final class NelderMead {

    private static final double REFLECT = 1.0;
    private static final double EXPAND = 2.0;
    private static final double CONTRACT = 0.5;
    private static final double SHRINK = 0.5;

    private final double tolerance;
    private final double pointTolerance;
    private final int maxEvaluations;

    /**
     * Converges in values and in position, with a point tolerance of {@code sqrt(tolerance)}: for estimates that are
     * reported, such as maximum-likelihood parameters.
     *
     * @param tolerance      relative convergence tolerance on objective values (positive, e.g. {@code 1e-12})
     * @param maxEvaluations objective evaluations allowed per simplex run
     */
    public NelderMead(double tolerance, int maxEvaluations) {
        this(tolerance, Math.sqrt(tolerance), maxEvaluations);
    }

    /**
     * @param tolerance      relative convergence tolerance on objective values (positive)
     * @param pointTolerance how close (absolute, per coordinate) the vertices must be to the best one;
     *                       {@link Double#POSITIVE_INFINITY} stops on the values alone, which is much cheaper when only
     *                       the objective value matters
     * @param maxEvaluations objective evaluations allowed per simplex run
     */
    public NelderMead(double tolerance, double pointTolerance, int maxEvaluations) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        if (!(pointTolerance > 0)) {
            throw new IllegalArgumentException("pointTolerance must be positive, got " + pointTolerance);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be positive, got " + maxEvaluations);
        }
        this.tolerance = tolerance;
        this.pointTolerance = pointTolerance;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * The point minimising {@code f}, started from {@code start} with an initial simplex of {@code step} along each
     * coordinate. {@code start} is not modified; {@code f} should return a large value (or infinity) outside the
     * admissible region rather than throw.
     */
    public double[] minimize(ToDoubleFunction<double[]> f, double[] start, double step) {
        if (start.length == 0) {
            throw new IllegalArgumentException("nothing to minimise: no parameters");
        }
        if (!(step != 0 && Double.isFinite(step))) {
            throw new IllegalArgumentException("step must be finite and non-zero, got " + step);
        }
        double[] best = start.clone();
        double bestValue = f.applyAsDouble(best);
        for (int restart = 0; restart < 5; restart++) {
            double[] next = runSimplex(f, best, step);
            double nextValue = f.applyAsDouble(next);
            boolean improved = bestValue - nextValue > tolerance * (1 + Math.abs(bestValue));
            if (nextValue < bestValue) {
                best = next;
                bestValue = nextValue;
            }
            if (!improved) {
                break;
            }
            step /= 4;
        }
        return best;
    }

    private double[] runSimplex(ToDoubleFunction<double[]> f, double[] start, double step) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(simplex[i]);
        }
        int evaluations = n + 1;
        Integer[] order = new Integer[n + 1];
        while (evaluations < maxEvaluations) {
            sort(simplex, values, order);
            if (converged(simplex, values)) {
                break;
            }
            double[] centroid = centroidWithoutWorst(simplex);
            double[] reflected = along(centroid, simplex[n], -REFLECT);
            double reflectedValue = f.applyAsDouble(reflected);
            evaluations++;
            if (reflectedValue < values[0]) {
                double[] expanded = along(centroid, simplex[n], -EXPAND);
                double expandedValue = f.applyAsDouble(expanded);
                evaluations++;
                boolean expansionBetter = expandedValue < reflectedValue;
                simplex[n] = expansionBetter ? expanded : reflected;
                values[n] = expansionBetter ? expandedValue : reflectedValue;
            } else if (reflectedValue < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = reflectedValue;
            } else {
                boolean outside = reflectedValue < values[n];
                double[] contracted = along(centroid, outside ? reflected : simplex[n], CONTRACT);
                double contractedValue = f.applyAsDouble(contracted);
                evaluations++;
                if (contractedValue < Math.min(reflectedValue, values[n])) {
                    simplex[n] = contracted;
                    values[n] = contractedValue;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], SHRINK);
                        values[i] = f.applyAsDouble(simplex[i]);
                    }
                    evaluations += n;
                }
            }
        }
        sort(simplex, values, order);
        return simplex[0];
    }

    private boolean converged(double[][] simplex, double[] values) {
        double spread = Math.abs(values[values.length - 1] - values[0]);
        double size = 0;
        for (double[] vertex : simplex) {
            for (int j = 0; j < vertex.length; j++) {
                size = Math.max(size, Math.abs(vertex[j] - simplex[0][j]));
            }
        }
        return spread <= tolerance * (1 + Math.abs(values[0])) && size <= pointTolerance;
    }

    /** {@code from + factor * (to - from)}: reflection and expansion use negative factors through the centroid. */
    private static double[] along(double[] from, double[] to, double factor) {
        double[] point = new double[from.length];
        for (int j = 0; j < from.length; j++) {
            point[j] = from[j] + factor * (to[j] - from[j]);
        }
        return point;
    }

    private static double[] centroidWithoutWorst(double[][] simplex) {
        int n = simplex.length - 1;
        double[] centroid = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                centroid[j] += simplex[i][j] / n;
            }
        }
        return centroid;
    }

    private static void sort(double[][] simplex, double[] values, Integer[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[][] sortedPoints = new double[simplex.length][];
        double[] sortedValues = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            sortedPoints[i] = simplex[order[i]];
            sortedValues[i] = values[order[i]];
        }
        System.arraycopy(sortedPoints, 0, simplex, 0, simplex.length);
        System.arraycopy(sortedValues, 0, values, 0, values.length);
    }
}
