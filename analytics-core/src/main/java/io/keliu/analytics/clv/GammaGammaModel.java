package io.keliu.analytics.clv;

import io.keliu.analytics.optimize.NelderMead;

import static smile.math.special.Gamma.lgamma;

/**
 * The Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV"): each transaction's value is
 * Gamma(p, nu), and nu varies across customers as Gamma(q, gamma). It assumes spend is independent of purchase
 * frequency, which is worth checking on the data (the correlation of x and m_x should be near zero).
 */
public record GammaGammaModel(double p, double q, double gamma) {

    private static final NelderMead OPTIMIZER = new NelderMead(1e-12, 20_000);

    public GammaGammaModel {
        if (!(p > 0 && q > 0 && gamma > 0)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive: " + p + ", " + q + ", "
                    + gamma);
        }
    }

    /** The maximum-likelihood model over log-parameters. */
    public static Fit fit(SpendHistories data) {
        double[] start = {0, 0, Math.log(data.averageSpend())};
        double[] best = OPTIMIZER.minimize(logParameters -> -of(logParameters).logLikelihood(data), start, 1.0);
        GammaGammaModel model = of(best);
        return new Fit(model, model.logLikelihood(data), data.customers());
    }

    private static GammaGammaModel of(double[] logParameters) {
        return new GammaGammaModel(Math.exp(logParameters[0]), Math.exp(logParameters[1]),
                Math.exp(logParameters[2]));
    }

    /**
     * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m_x + px ln x − (px+q) ln(γ + x m_x), summed over the
     * repeat customers; the gamma functions are computed once per distinct x.
     */
    public double logLikelihood(SpendHistories data) {
        int[] xs = data.distinctX;
        double[] gammaTermsOfX = new double[xs.length];
        double constant = -lgamma(q) + q * Math.log(gamma);
        for (int i = 0; i < xs.length; i++) {
            gammaTermsOfX[i] = constant + lgamma(p * xs[i] + q) - lgamma(p * xs[i]);
        }
        double sum = 0;
        for (int c = 0; c < data.customers(); c++) {
            int xi = data.xIndex[c];
            double px = p * xs[xi];
            double m = data.meanSpend[c];
            sum += gammaTermsOfX[xi] + (px - 1) * data.logMeanSpend[c] + px * data.logX[c]
                    - (px + q) * Math.log(gamma + xs[xi] * m);
        }
        return sum;
    }

    /**
     * E[M | x, m_x]: a weighted mean of the population mean p·gamma/(q−1) and the customer's own mean m_x, the
     * customer's weight growing with x. Without repeat purchases it is the population mean.
     */
    public double expectedAverageSpend(int x, double meanRepeatSpend) {
        if (x == 0) {
            return populationMeanSpend();
        }
        return p * (gamma + x * meanRepeatSpend) / (p * x + q - 1);
    }

    /** E[Z] = p·gamma/(q−1), finite only for q &gt; 1. */
    public double populationMeanSpend() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }

    /** A fitted model with its maximised log-likelihood. */
    public record Fit(GammaGammaModel model, double logLikelihood, int customers) {
    }
}
