package io.keliu.analytics.clv;

import java.util.SplittableRandom;

/**
 * Customers drawn from the BG/NBD and Gamma-Gamma models with known parameters (seeded, so reproducible): first
 * purchases spread over the first 13 weeks, calibration ending at week 39 as in CDNOW. Purchase times are rounded
 * down to whole days, as summaries of real data are, so identical histories occur.
 */
public record SimulatedCustomers(int[] x, double[] tx, double[] T, double[] meanSpend) {

    private static final double CALIBRATION_WEEKS = 39;
    private static final int ACQUISITION_DAYS = 91;

    public static SimulatedCustomers draw(int customers, BgNbdModel purchases, GammaGammaModel spend, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] x = new int[customers];
        double[] tx = new double[customers];
        double[] age = new double[customers];
        double[] meanSpend = new double[customers];
        for (int i = 0; i < customers; i++) {
            age[i] = (CALIBRATION_WEEKS * 7 - random.nextInt(ACQUISITION_DAYS)) / 7.0;
            double rate = gamma(random, purchases.r()) / purchases.alpha();
            double dropout = beta(random, purchases.a(), purchases.b());
            double t = 0;
            double lastDay = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / rate;
                double day = Math.floor(t * 7) / 7;
                if (t > age[i]) {
                    break;
                }
                if (day > lastDay) {
                    x[i]++;
                    lastDay = day;
                    if (random.nextDouble() < dropout) {
                        break;
                    }
                }
            }
            tx[i] = lastDay;
            double spendRate = gamma(random, spend.q()) / spend.gamma();
            meanSpend[i] = x[i] == 0 ? 0 : gamma(random, spend.p() * x[i]) / spendRate / x[i];
        }
        return new SimulatedCustomers(x, tx, age, meanSpend);
    }

    public PurchaseHistories histories() {
        return PurchaseHistories.of(x, tx, T);
    }

    public SpendHistories spendHistories() {
        return SpendHistories.of(x, meanSpend);
    }

    /** Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with the usual boost for shape &lt; 1. */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = normal(random);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(SplittableRandom random, double a, double b) {
        double g = gamma(random, a);
        return g / (g + gamma(random, b));
    }

    private static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
