package io.keliu.analytics.forecast.models;

/** One candidate of the automatic choice with its mean backtest MASE, or why it could not be scored. */
public record CandidateScore(String model, Double mase, String problem) {
}
