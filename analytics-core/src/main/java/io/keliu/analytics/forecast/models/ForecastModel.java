package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;

/** A way to forecast a daily series: fit on the history (missing days are {@code NaN}) and extrapolate. */
public interface ForecastModel {

    /** A short stable name used in output and configuration: naive, ets, regression. */
    String name();

    /** Point forecasts for the {@code horizon} days after the history's last day. */
    double[] forecast(DailySeries history, int horizon);

    /** The model with its settled structure, e.g. "ETS(A,Ad,M)"; the name when there is nothing more to say. */
    default String describe() {
        return name();
    }

    /**
     * This model with its structural choices (e.g. which ETS variant) settled on the given history, so that a
     * backtest refits parameters at each origin without repeating the structure search.
     */
    default ForecastModel tunedOn(DailySeries history) {
        return this;
    }

    /**
     * How many observed days this model needs before it uses all its terms (e.g. a yearly cycle from a year and a
     * half); 0 when it uses them from the start. A back-test origin with less history scores a simpler model.
     */
    default int daysForAllTerms() {
        return 0;
    }
}
