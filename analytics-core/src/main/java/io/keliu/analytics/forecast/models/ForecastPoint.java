package io.keliu.analytics.forecast.models;

import java.time.LocalDate;

/** A day's point forecast with its prediction interval. */
public record ForecastPoint(LocalDate date, double value, double lower, double upper) {

    public double halfWidth() {
        return (upper - lower) / 2;
    }
}
