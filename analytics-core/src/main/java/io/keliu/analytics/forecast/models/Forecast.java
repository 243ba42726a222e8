package io.keliu.analytics.forecast.models;

import java.util.List;

/**
 * A forecast with its provenance: the chosen model (and its variant, e.g. ETS(A,Ad,M)), the nominal interval
 * coverage, the backtest scores of every candidate and the accuracy achieved out of sample.
 */
public record Forecast(String model, String variant, double intervalCoverage, List<ForecastPoint> points,
                       Accuracy accuracy, List<CandidateScore> candidates) {

    public double[] values() {
        return points.stream().mapToDouble(ForecastPoint::value).toArray();
    }

    public double[] lowers() {
        return points.stream().mapToDouble(ForecastPoint::lower).toArray();
    }

    public double[] uppers() {
        return points.stream().mapToDouble(ForecastPoint::upper).toArray();
    }
}
