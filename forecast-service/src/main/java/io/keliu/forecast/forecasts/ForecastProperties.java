package io.keliu.forecast.forecasts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param horizon             days forecast by each refresh (GET may ask for fewer)
 * @param minHistoryDays      days with orders a province or channel needs to get its own forecast (and alerts)
 * @param maxSeriesPerDimension the busiest provinces and channels forecast, at most this many of each
 * @param refreshCron         when the nightly refresh runs, in the platform zone
 */
@ConfigurationProperties("keliu.forecast")
public record ForecastProperties(Integer horizon, Integer minHistoryDays, Integer maxSeriesPerDimension,
                                 String refreshCron) {
    public ForecastProperties {
        horizon = horizon == null ? 90 : horizon;
        minHistoryDays = minHistoryDays == null ? 56 : minHistoryDays;
        maxSeriesPerDimension = maxSeriesPerDimension == null ? 40 : maxSeriesPerDimension;
        refreshCron = refreshCron == null ? "0 30 2 * * *" : refreshCron;
    }
}
