package io.keliu.forecast.anomalies;

/**
 * What an hour of a series should have brought: the day's forecast times the hour's usual share of the day, the 95 %
 * interval scaled the same way and widened by the hour's own Poisson noise (1.96 √expected).
 */
record HourExpectation(double expected, double lower, double upper) {
    private static final double Z95 = 1.96;

    static HourExpectation of(double share, double dayValue, double dayLower95, double dayUpper95) {
        double expected = share * dayValue;
        double noise = Z95 * Math.sqrt(Math.max(expected, 1));
        return new HourExpectation(expected, Math.max(0, share * dayLower95 - noise), share * dayUpper95 + noise);
    }

    boolean contains(double observed) {
        return observed >= lower && observed <= upper;
    }

    /** How far outside, in half-widths of the interval on that side (0 inside). */
    double distance(double observed) {
        if (observed > upper) {
            return (observed - upper) / Math.max(upper - expected, 1);
        }
        if (observed < lower) {
            return (lower - observed) / Math.max(expected - lower, 1);
        }
        return 0;
    }
}
