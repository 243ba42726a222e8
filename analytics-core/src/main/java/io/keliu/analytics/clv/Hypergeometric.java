package io.keliu.analytics.clv;

/** The Gauss hypergeometric function 2F1, which the BG/NBD forecasts need. */
final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;
    private static final double RELATIVE_TOLERANCE = 1e-14;

    private Hypergeometric() {
    }

    /**
     * 2F1(a, b; c; z) by its power series, valid for 0 &le; z &lt; 1. The BG/NBD arguments are z = t/(alpha+T+t),
     * below 1 for every finite horizon; the term ratio tends to z, so the series needs about log(tol)/log(z) terms.
     */
    static double f21(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, got " + z);
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge for z=" + z);
    }
}
