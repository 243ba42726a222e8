package io.keliu.analytics.forecast.models;

/**
 * How well a forecast did out of sample: {@code basis} says on what ("rolling-origin" backtest or "holdout"),
 * {@code naiveMase} is the seasonal naive forecast's MASE on the same days, {@code coverage} the share of actual days
 * inside the prediction intervals.
 */
public record Accuracy(String basis, int origins, double mase, double smape, double naiveMase, double coverage) {
}
