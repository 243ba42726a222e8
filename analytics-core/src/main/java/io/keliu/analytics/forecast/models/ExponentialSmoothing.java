package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.forecast.series.FillPolicy;
import io.keliu.analytics.optimize.NelderMead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Holt-Winters exponential smoothing in its state-space form with additive errors (ETS(A,*,*), Hyndman et al. 2008):
 * level, optional damped trend, weekly seasonality that is additive or multiplicative. Smoothing parameters are
 * maximum-likelihood estimates found by Nelder-Mead; the variant is chosen by AICc. Missing days are skipped by the
 * likelihood and carried through by the one-step forecast, as the state-space form allows.
 */
public final class ExponentialSmoothing implements ForecastModel {
    private static final int SEASON = SeasonalNaive.WEEK;
    private static final int INITIALISATION_WEEKS = 4;
    private static final double MIN_DAMPING = 0.8;
    private static final double DAMPING_RANGE = 0.18;
    private static final int MAX_EVALUATIONS = 400;
    /**
     * Stop when the simplex's log-likelihoods agree to this relative precision: 1e-7 cost half as much time again
     * and left the held-out accuracy study unchanged to three decimals.
     */
    private static final double RELATIVE_TOLERANCE = 1e-5;
    /**
     * Stops on the values alone: only the fit matters, not the smoothing parameters to many digits, and also
     * requiring a small simplex made fitting about three times slower for forecasts equal to about 0.1%.
     */
    private static final NelderMead OPTIMIZER =
            new NelderMead(RELATIVE_TOLERANCE, Double.POSITIVE_INFINITY, MAX_EVALUATIONS);

    /** Which ETS structure: damped additive trend or none, additive or multiplicative weekly seasonality. */
    public record Variant(boolean dampedTrend, boolean multiplicativeSeason) {
        String label() {
            return "ETS(A," + (dampedTrend ? "Ad" : "N") + "," + (multiplicativeSeason ? "M" : "A") + ")";
        }

        int smoothingParameters() {
            return dampedTrend ? 4 : 2;
        }

        int initialStates() {
            return SEASON + (dampedTrend ? 2 : 1);
        }
    }

    /** Fitted smoothing parameters; {@code beta} and {@code phi} are unused without a trend. */
    private record Parameters(double alpha, double beta, double gamma, double phi) {
    }

    /** A variant with its fitted parameters, sum of squared one-step errors and AICc. */
    private record Fit(Variant variant, Parameters parameters, double sse, int observations, double[] finalState) {
        double aicc() {
            int k = variant.smoothingParameters() + variant.initialStates();
            double n = observations;
            return n * Math.log(sse / n) + 2 * k + (n - k - 1 > 0 ? 2.0 * k * (k + 1) / (n - k - 1) : Double.MAX_VALUE);
        }
    }

    private final List<Variant> candidates;

    private ExponentialSmoothing(List<Variant> candidates) {
        this.candidates = candidates;
    }

    /** All four variants; the best by AICc is used (multiplicative ones only for strictly positive series). */
    public static ExponentialSmoothing automatic() {
        return new ExponentialSmoothing(List.of(new Variant(false, false), new Variant(true, false),
                new Variant(false, true), new Variant(true, true)));
    }

    public static ExponentialSmoothing of(Variant variant) {
        return new ExponentialSmoothing(List.of(variant));
    }

    @Override
    public String name() {
        return "ets";
    }

    @Override
    public ForecastModel tunedOn(DailySeries history) {
        return of(bestFit(history).variant());
    }

    @Override
    public String describe() {
        return candidates.size() == 1 ? candidates.getFirst().label() : "ETS (variant chosen by AICc)";
    }

    @Override
    public double[] forecast(DailySeries history, int horizon) {
        Fit fit = bestFit(history);
        return project(fit, history.size(), horizon);
    }

    private Fit bestFit(DailySeries history) {
        if (history.observedCount() < 2 * SEASON + 4) {
            throw new IllegalArgumentException("exponential smoothing needs at least " + (2 * SEASON + 4)
                    + " observed days, got " + history.observedCount());
        }
        double[] y = history.values();
        List<Fit> fits = new ArrayList<>();
        for (Variant variant : candidates) {
            if (!variant.multiplicativeSeason() || history.isPositive()) {
                fits.add(fit(variant, y, initialStates(variant, history)));
            }
        }
        return fits.stream().min(Comparator.comparingDouble(Fit::aicc)).orElseThrow(
                () -> new IllegalArgumentException("multiplicative seasonality needs a strictly positive series"));
    }

    private static Fit fit(Variant variant, double[] y, double[] initial) {
        double[] start = variant.dampedTrend()
                ? new double[] {logit(0.2), logit(0.1), logit(0.1), logit((0.95 - MIN_DAMPING) / DAMPING_RANGE)}
                : new double[] {logit(0.2), logit(0.1)};
        double[] best = OPTIMIZER.minimize(u -> run(variant, toParameters(variant, u), y, initial, null), start, 1.0);
        Parameters parameters = toParameters(variant, best);
        double[] finalState = new double[initial.length];
        double sse = run(variant, parameters, y, initial, finalState);
        int observed = (int) Arrays.stream(y).filter(v -> !Double.isNaN(v)).count();
        return new Fit(variant, parameters, sse, observed, finalState);
    }

    /**
     * Maps unconstrained optimiser coordinates into the usual admissible region: 0 < alpha < 1, 0 < beta < alpha,
     * 0 < gamma < 1 - alpha, 0.8 <= phi <= 0.98 (stronger damping rarely helps and weaker is nearly undamped).
     */
    private static Parameters toParameters(Variant variant, double[] u) {
        double alpha = 0.0001 + 0.9998 * sigmoid(u[0]);
        if (!variant.dampedTrend()) {
            return new Parameters(alpha, 0, (1 - alpha) * sigmoid(u[1]), 1);
        }
        return new Parameters(alpha, alpha * sigmoid(u[1]), (1 - alpha) * sigmoid(u[2]),
                MIN_DAMPING + DAMPING_RANGE * sigmoid(u[3]));
    }

    /**
     * Runs the filter from the initial state and returns the sum of squared one-step errors. The state layout is
     * {@code [level, trend, season_0 .. season_6]}; season j belongs to days whose index is j modulo 7. When
     * {@code finalState} is given, the state after the last day is copied into it.
     */
    private static double run(Variant variant, Parameters p, double[] y, double[] initial, double[] finalState) {
        double level = initial[0];
        double trend = initial[1];
        double[] season = Arrays.copyOfRange(initial, 2, 2 + SEASON);
        double sse = 0;
        boolean multiplicative = variant.multiplicativeSeason();
        for (int t = 0; t < y.length; t++) {
            int s = t % SEASON;
            double base = level + p.phi() * trend;
            double expected = multiplicative ? base * season[s] : base + season[s];
            double error = Double.isNaN(y[t]) ? 0 : y[t] - expected;
            sse += error * error;
            double seasonalError = multiplicative ? error / season[s] : error;
            level = base + p.alpha() * seasonalError;
            trend = p.phi() * trend + p.beta() * seasonalError;
            season[s] += p.gamma() * (multiplicative ? error / Math.max(base, 1e-9) : error);
        }
        if (finalState != null) {
            finalState[0] = level;
            finalState[1] = trend;
            System.arraycopy(season, 0, finalState, 2, SEASON);
        }
        return Double.isFinite(sse) ? sse : Double.MAX_VALUE;
    }

    private static double[] project(Fit fit, int historyLength, int horizon) {
        double[] state = fit.finalState();
        Parameters p = fit.parameters();
        double[] forecast = new double[horizon];
        double dampedSum = 0;
        double dampingPower = 1;
        for (int h = 1; h <= horizon; h++) {
            dampingPower *= p.phi();
            dampedSum += dampingPower;
            double base = state[0] + dampedSum * state[1];
            double season = state[2 + (historyLength + h - 1) % SEASON];
            forecast[h - 1] = fit.variant().multiplicativeSeason() ? base * season : base + season;
        }
        return forecast;
    }

    /**
     * Classical initial states from the first weeks: level is the first week's mean, trend the week-on-week change of
     * means, seasonal indices the average deviation (or ratio) of each weekday from its week's mean.
     */
    private static double[] initialStates(Variant variant, DailySeries history) {
        int weeks = Math.max(2, Math.min(INITIALISATION_WEEKS, history.size() / SEASON));
        double[] y = history.head(weeks * SEASON).fill(FillPolicy.LINEAR).values();
        double[] weekMeans = new double[weeks];
        for (int w = 0; w < weeks; w++) {
            weekMeans[w] = meanObserved(y, w * SEASON, (w + 1) * SEASON);
        }
        double[] state = new double[2 + SEASON];
        state[0] = weekMeans[0];
        state[1] = variant.dampedTrend() ? (weekMeans[weeks - 1] - weekMeans[0]) / ((weeks - 1) * SEASON) : 0;
        for (int j = 0; j < SEASON; j++) {
            double sum = 0;
            int count = 0;
            for (int w = 0; w < weeks; w++) {
                double value = y[w * SEASON + j];
                if (!Double.isNaN(value)) {
                    sum += variant.multiplicativeSeason() ? value / weekMeans[w] : value - weekMeans[w];
                    count++;
                }
            }
            state[2 + j] = count > 0 ? sum / count : (variant.multiplicativeSeason() ? 1 : 0);
        }
        return state;
    }

    private static double meanObserved(double[] y, int from, int to) {
        return Arrays.stream(y, from, to).filter(v -> !Double.isNaN(v)).average().orElse(0);
    }

    private static double sigmoid(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
