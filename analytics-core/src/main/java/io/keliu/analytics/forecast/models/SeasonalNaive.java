package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;

/** Each day repeats the last observed value of the same weekday: the baseline every other model must beat. */
public final class SeasonalNaive implements ForecastModel {
    public static final int WEEK = 7;

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public double[] forecast(DailySeries history, int horizon) {
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = lastObservedSameWeekday(history, history.size() + h);
        }
        return forecast;
    }

    /** Walks back whole weeks over missing days; falls back to the last observed day if a weekday never appears. */
    private static double lastObservedSameWeekday(DailySeries history, int targetIndex) {
        int n = history.size();
        for (int i = n - WEEK + Math.floorMod(targetIndex - n, WEEK); i >= 0; i -= WEEK) {
            if (!history.isMissing(i)) {
                return history.value(i);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (!history.isMissing(i)) {
                return history.value(i);
            }
        }
        throw new IllegalArgumentException("history has no observed value");
    }
}
