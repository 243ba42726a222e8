package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.Statistics;

import java.util.Arrays;
import java.util.List;

/**
 * Prediction intervals from backtest residuals: for horizon h, the empirical quantiles of the out-of-sample errors
 * at nearby horizons, with the split-conformal finite-sample correction so that m residuals give at least the
 * stated coverage. No distribution is assumed, so skewed count noise and holiday misses are priced in as they were.
 */
public final class EmpiricalIntervals {
    private final double[] lowerOffsets;
    private final double[] upperOffsets;

    private EmpiricalIntervals(double[] lowerOffsets, double[] upperOffsets) {
        this.lowerOffsets = lowerOffsets;
        this.upperOffsets = upperOffsets;
    }

    public static EmpiricalIntervals calibrate(List<Backtest.Origin> origins, int horizon, double coverage) {
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        double tail = (1 - coverage) / 2;
        for (int h = 0; h < horizon; h++) {
            double[] residuals = residualsNear(origins, h, horizon);
            int m = (int) Arrays.stream(residuals).filter(r -> !Double.isNaN(r)).count();
            double upperLevel = Math.min(1, (1 - tail) * (m + 1) / Math.max(m, 1));
            lower[h] = Statistics.quantile(residuals, 1 - upperLevel);
            upper[h] = Statistics.quantile(residuals, upperLevel);
        }
        return new EmpiricalIntervals(lower, upper);
    }

    /** Residuals at horizons within a window that widens with h: errors change slowly with the horizon. */
    private static double[] residualsNear(List<Backtest.Origin> origins, int h, int horizon) {
        int width = Math.max(3, h / 5);
        int from = Math.max(0, h - width);
        int to = Math.min(horizon - 1, h + width);
        double[] residuals = new double[origins.size() * (to - from + 1)];
        int i = 0;
        for (Backtest.Origin origin : origins) {
            for (int near = from; near <= to; near++) {
                residuals[i++] = origin.residual(near);
            }
        }
        return residuals;
    }

    public double lower(int h, double point) {
        return point + lowerOffsets[h];
    }

    public double upper(int h, double point) {
        return point + upperOffsets[h];
    }
}
