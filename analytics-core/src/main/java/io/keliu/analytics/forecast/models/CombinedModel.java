package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.series.DailySeries;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The equal-weight mean of several models' forecasts. Combining models with different failure modes (a smoothing
 * model that adapts to the recent level, a regression that knows the calendar) is one of the most reliable ways to
 * cut forecast error (the M-competitions' consistent finding), and equal weights are hard to beat.
 */
public final class CombinedModel implements ForecastModel {
    private final List<ForecastModel> components;

    public CombinedModel(List<ForecastModel> components) {
        if (components.size() < 2) {
            throw new IllegalArgumentException("a combination needs at least two models");
        }
        this.components = List.copyOf(components);
    }

    @Override
    public String name() {
        return "combined";
    }

    @Override
    public String describe() {
        return "mean of " + components.stream().map(ForecastModel::describe).collect(Collectors.joining(" + "));
    }

    @Override
    public double[] forecast(DailySeries history, int horizon) {
        return mean(components.stream().map(model -> model.forecast(history, horizon)).toList());
    }

    /** The combination's backtest from its components' backtests at the same origins, without refitting. */
    static List<Backtest.Origin> combineRuns(List<List<Backtest.Origin>> runs) {
        List<Backtest.Origin> first = runs.getFirst();
        return IntStream.range(0, first.size()).mapToObj(i -> new Backtest.Origin(
                first.get(i).cutoff(), mean(runs.stream().map(run -> run.get(i).forecast()).toList()),
                first.get(i).actual(), first.get(i).scale())).toList();
    }

    private static double[] mean(List<double[]> forecasts) {
        double[] mean = new double[forecasts.getFirst().length];
        for (double[] forecast : forecasts) {
            for (int h = 0; h < mean.length; h++) {
                mean[h] += forecast[h] / forecasts.size();
            }
        }
        return mean;
    }
}
