package io.keliu.analytics.forecast.series;

import java.util.Arrays;

/** Order statistics that ignore missing ({@code NaN}) values. */
public final class Statistics {
    private Statistics() {
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Linear interpolation between order statistics (type 7, the R and NumPy default); NaN if nothing observed. */
    public static double quantile(double[] values, double probability) {
        double[] observed = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (observed.length == 0) {
            return Double.NaN;
        }
        double position = probability * (observed.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, observed.length - 1);
        return observed[below] + (position - below) * (observed[above] - observed[below]);
    }
}
