package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;

import java.util.Arrays;

/**
 * A seasonal-trend decomposition in the spirit of MSTL + ETS (statsforecast's MSTL with an AutoETS trend model): the
 * yearly cycle is estimated as Fourier terms (fitted together with a linear trend, so that growth is not mistaken for
 * season) and removed; exponential smoothing with its weekly seasonal state forecasts the rest, and the yearly
 * component is added back. Counts are modelled on {@code log1p}, so the yearly swing is relative.
 */
public final class YearlySeasonalEts implements ForecastModel {
    private static final double YEAR = 365.25;
    /** Below a year and a half the yearly cycle cannot be told from trend (as for the regression's yearly terms). */
    public static final int MIN_DAYS = 548;
    public static final int DEFAULT_HARMONICS = 10;

    private final ForecastModel ets;
    private final int harmonics;

    public YearlySeasonalEts() {
        this(ExponentialSmoothing.automatic(), DEFAULT_HARMONICS);
    }

    private YearlySeasonalEts(ForecastModel ets, int harmonics) {
        this.ets = ets;
        this.harmonics = harmonics;
    }

    @Override
    public String name() {
        return "ets-yearly";
    }

    @Override
    public String describe() {
        return "yearly Fourier(" + harmonics + ") + " + ets.describe();
    }

    @Override
    public int daysForAllTerms() {
        return MIN_DAYS;
    }

    /** Refuses a history too short for a yearly term, so that it is not an ETS duplicate among the candidates. */
    @Override
    public ForecastModel tunedOn(DailySeries history) {
        if (history.observedCount() < MIN_DAYS) {
            throw new IllegalArgumentException("a yearly term needs at least " + MIN_DAYS + " observed days, got "
                    + history.observedCount());
        }
        return new YearlySeasonalEts(ets.tunedOn(adjusted(history, yearly(history))), harmonics);
    }

    /** Backtest origins shorter than {@link #MIN_DAYS} are forecast without the yearly term. */
    @Override
    public double[] forecast(DailySeries history, int horizon) {
        boolean log = history.isNonNegative();
        double[] coefficients = history.observedCount() >= MIN_DAYS ? yearly(history) : new double[2 * harmonics];
        double[] rest = ets.forecast(adjusted(history, coefficients), horizon);
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double value = rest[h] + component(coefficients, history.dateAt(history.size() + h).toEpochDay());
            forecast[h] = log ? Math.expm1(value) : value;
        }
        return forecast;
    }

    /** The series (on log1p for counts) less its yearly component. */
    private DailySeries adjusted(DailySeries history, double[] coefficients) {
        boolean log = history.isNonNegative();
        double[] values = history.values();
        for (int t = 0; t < values.length; t++) {
            if (!Double.isNaN(values[t])) {
                values[t] = (log ? Math.log1p(values[t]) : values[t])
                        - component(coefficients, history.dateAt(t).toEpochDay());
            }
        }
        return new DailySeries(history.start(), values);
    }

    /** Least squares of the (transformed) series on intercept, linear trend and the yearly Fourier pairs. */
    private double[] yearly(DailySeries history) {
        boolean log = history.isNonNegative();
        int columns = 2 + 2 * harmonics;
        RidgeSolver solver = new RidgeSolver(columns);
        double[] x = new double[columns];
        for (int t = 0; t < history.size(); t++) {
            if (!history.isMissing(t)) {
                x[0] = 1;
                x[1] = (double) t / history.size();
                fourier(x, 2, history.dateAt(t).toEpochDay());
                solver.add(x, log ? Math.log1p(history.value(t)) : history.value(t));
            }
        }
        double[] penalty = new double[columns];
        Arrays.fill(penalty, 1e-6 * solver.rows());
        double[] beta = solver.solve(penalty);
        return Arrays.copyOfRange(beta, 2, columns);
    }

    private double component(double[] coefficients, long epochDay) {
        double[] x = new double[coefficients.length];
        fourier(x, 0, epochDay);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += coefficients[i] * x[i];
        }
        return sum;
    }

    private void fourier(double[] x, int column, long epochDay) {
        for (int k = 1; k <= harmonics; k++) {
            double angle = 2 * Math.PI * k * epochDay / YEAR;
            x[column++] = Math.cos(angle);
            x[column++] = Math.sin(angle);
        }
    }
}
