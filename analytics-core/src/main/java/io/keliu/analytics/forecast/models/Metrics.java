package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;

/** Forecast accuracy measures; missing actual days are left out of every measure. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The in-sample mean absolute error of the seasonal naive forecast (lag 7): MASE's denominator, so MASE below 1
     * beats repeating last week in-sample (Hyndman and Koehler 2006).
     */
    public static double seasonalNaiveScale(DailySeries training) {
        double sum = 0;
        int count = 0;
        for (int t = SeasonalNaive.WEEK; t < training.size(); t++) {
            double change = training.value(t) - training.value(t - SeasonalNaive.WEEK);
            if (!Double.isNaN(change)) {
                sum += Math.abs(change);
                count++;
            }
        }
        double scale = count > 0 ? sum / count : 0;
        return scale > 0 ? scale : 1;
    }

    public static double mase(double[] actual, double[] forecast, double scale) {
        return meanAbsoluteError(actual, forecast) / scale;
    }

    public static double meanAbsoluteError(double[] actual, double[] forecast) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                sum += Math.abs(actual[i] - forecast[i]);
                count++;
            }
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    /** Symmetric MAPE in percent (0-200); days where actual and forecast are both zero count as perfect. */
    public static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(actual[i])) {
                continue;
            }
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / denominator;
            count++;
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    /** Share of observed actual days inside {@code [lower, upper]}. */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        int inside = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isNaN(actual[i])) {
                count++;
                if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
                    inside++;
                }
            }
        }
        return count > 0 ? (double) inside / count : Double.NaN;
    }
}
