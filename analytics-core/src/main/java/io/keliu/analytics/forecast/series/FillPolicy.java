package io.keliu.analytics.forecast.series;

import java.util.Arrays;

/**
 * What a day without an observation means. A missing day is not a zero unless the caller says so: a sensor that
 * was off is unknown traffic, a shop that was closed is zero traffic.
 */
public enum FillPolicy {
    /** Keep the gap as {@code NaN}; models skip missing days when fitting. */
    LEAVE_MISSING,
    /** The day had no traffic. */
    ZERO,
    /** Straight line between the nearest observed neighbours; gaps at either end stay missing. */
    LINEAR;

    /** A copy of equally spaced values with the gaps ({@code NaN}) filled by this policy. */
    double[] apply(double[] values) {
        return switch (this) {
            case LEAVE_MISSING -> values.clone();
            case ZERO -> Arrays.stream(values).map(v -> Double.isNaN(v) ? 0 : v).toArray();
            case LINEAR -> interpolated(values);
        };
    }

    private static double[] interpolated(double[] values) {
        double[] filled = values.clone();
        int previousObserved = -1;
        for (int i = 0; i < filled.length; i++) {
            if (Double.isNaN(filled[i])) {
                continue;
            }
            if (previousObserved >= 0 && i - previousObserved > 1) {
                double step = (filled[i] - filled[previousObserved]) / (i - previousObserved);
                for (int gap = previousObserved + 1; gap < i; gap++) {
                    filled[gap] = filled[previousObserved] + step * (gap - previousObserved);
                }
            }
            previousObserved = i;
        }
        return filled;
    }
}
