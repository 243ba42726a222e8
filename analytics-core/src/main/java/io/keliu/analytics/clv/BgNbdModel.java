package io.keliu.analytics.clv;

import io.keliu.analytics.optimize.NelderMead;

import static smile.math.special.Gamma.lgamma;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005), "Counting your customers the easy way": while alive, a customer
 * buys as a Poisson process with rate lambda ~ Gamma(r, alpha); after each purchase the customer drops out with
 * probability p ~ Beta(a, b). Time is in the unit of the data the model was fitted on (weeks here).
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

    private static final NelderMead OPTIMIZER = new NelderMead(1e-12, 20_000);

    public BgNbdModel {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive: " + r + ", " + alpha + ", "
                    + a + ", " + b);
        }
    }

    /** The maximum-likelihood model, found over log-parameters so that every trial point is valid. */
    public static Fit fit(PurchaseHistories data) {
        double[] start = {0, Math.log(data.meanAge()), 0, 0};
        double[] best = OPTIMIZER.minimize(logParameters -> -of(logParameters).logLikelihood(data), start, 1.0);
        BgNbdModel model = of(best);
        return new Fit(model, model.logLikelihood(data), data.customers());
    }

    private static BgNbdModel of(double[] logParameters) {
        return new BgNbdModel(Math.exp(logParameters[0]), Math.exp(logParameters[1]), Math.exp(logParameters[2]),
                Math.exp(logParameters[3]));
    }

    /**
     * The log-likelihood (equation 6 of the paper), computed in log space:
     * ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
     * + ln[ (α+T)^−(r+x) + 1{x&gt;0} · a/(b+x−1) · (α+t_x)^−(r+x) ].
     */
    public double logLikelihood(PurchaseHistories data) {
        int[] xs = data.distinctX;
        double[] constantOfX = new double[xs.length];
        double[] dropoutOddsLogOfX = new double[xs.length];
        double common = -lgamma(r) + r * Math.log(alpha) + lgamma(a + b) - lgamma(b);
        for (int i = 0; i < xs.length; i++) {
            constantOfX[i] = common + lgamma(r + xs[i]) + lgamma(b + xs[i]) - lgamma(a + b + xs[i]);
            dropoutOddsLogOfX[i] = xs[i] > 0 ? Math.log(a) - Math.log(b + xs[i] - 1) : Double.NEGATIVE_INFINITY;
        }
        double[] logAlphaPlusAge = logsOfAlphaPlus(data.distinctAge);
        double[] logAlphaPlusRecency = logsOfAlphaPlus(data.distinctRecency);
        double sum = 0;
        for (int g = 0; g < data.groups(); g++) {
            int xi = data.groupX[g];
            double rx = r + xs[xi];
            double aliveToEnd = -rx * logAlphaPlusAge[data.groupAgeIndex[g]];
            double logTerm = aliveToEnd;
            if (xs[xi] > 0) {
                double droppedAfterLast = dropoutOddsLogOfX[xi] - rx * logAlphaPlusRecency[data.groupRecencyIndex[g]];
                logTerm = logSumExp(aliveToEnd, droppedAfterLast);
            }
            sum += data.groupWeight[g] * (constantOfX[xi] + logTerm);
        }
        return sum;
    }

    /** E[X(t)]: purchases expected in a period of length t from a new customer's first purchase. */
    public double expectedPurchases(double t) {
        double z = t / (alpha + t);
        return (a + b - 1) / (a - 1)
                * (1 - Math.pow(alpha / (alpha + t), r) * Hypergeometric.f21(r, b, a + b - 1, z));
    }

    /** P(alive | x, t_x, T): the chance that a customer with this history has not yet dropped out. */
    public double probabilityAlive(int x, double tx, double T) {
        if (x == 0) {
            return 1;
        }
        return 1 / (1 + a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))));
    }

    /** E[Y(t) | x, t_x, T]: purchases expected in the next t time units from a customer with this history. */
    public double conditionalExpectedPurchases(double t, int x, double tx, double T) {
        double z = t / (alpha + T + t);
        double notYetFactor = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x)
                * Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double aliveOdds = x > 0
                ? a / (b + x - 1) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)))
                : 0;
        return (a + b + x - 1) / (a - 1) * notYetFactor / (1 + aliveOdds);
    }

    private double[] logsOfAlphaPlus(double[] times) {
        double[] logs = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            logs[i] = Math.log(alpha + times[i]);
        }
        return logs;
    }

    private static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }

    /** A fitted model with its maximised log-likelihood. */
    public record Fit(BgNbdModel model, double logLikelihood, int customers) {
    }
}
