package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;

import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin evaluation: the model is refitted on the history up to each origin and forecasts the following
 * days, exactly as it will be used, so errors by horizon are honest out-of-sample errors.
 */
public final class Backtest {
    /** Below this a weekly model has too few weeks to fit; origins that would leave less are dropped. */
    public static final int MIN_TRAINING_DAYS = 56;

    private Backtest() {
    }

    /** One origin's out-of-sample forecast beside what happened; {@code scale} is the training MASE scale. */
    public record Origin(int cutoff, double[] forecast, double[] actual, double scale) {
        double mase() {
            return Metrics.mase(actual, forecast, scale);
        }

        double smape() {
            return Metrics.smape(actual, forecast);
        }

        double residual(int h) {
            return actual[h] - forecast[h];
        }
    }

    /** Origins every {@code step} days back from the latest one that still leaves a full horizon to compare. */
    public static int[] cutoffs(int length, int horizon, int origins, int step) {
        List<Integer> cutoffs = new ArrayList<>();
        for (int k = 0; k < origins; k++) {
            int cutoff = length - horizon - k * step;
            if (cutoff >= MIN_TRAINING_DAYS) {
                cutoffs.add(cutoff);
            }
        }
        return cutoffs.stream().mapToInt(Integer::intValue).toArray();
    }

    public static List<Origin> run(ForecastModel model, DailySeries series, int horizon, int[] cutoffs) {
        List<Origin> origins = new ArrayList<>();
        for (int cutoff : cutoffs) {
            DailySeries training = series.head(cutoff);
            double[] actual = series.slice(cutoff, cutoff + horizon).values();
            origins.add(new Origin(cutoff, model.forecast(training, horizon), actual,
                    Metrics.seasonalNaiveScale(training)));
        }
        return origins;
    }

    public static double meanMase(List<Origin> origins) {
        return origins.stream().mapToDouble(Origin::mase).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    public static double meanSmape(List<Origin> origins) {
        return origins.stream().mapToDouble(Origin::smape).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
