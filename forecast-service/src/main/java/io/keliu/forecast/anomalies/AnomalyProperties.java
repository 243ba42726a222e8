package io.keliu.forecast.anomalies;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param checkCron   when the hourly check runs (it checks the last complete hour), in the platform zone
 * @param profileDays how many past days give each series' share of a day's orders per weekday and hour
 */
@ConfigurationProperties("keliu.anomalies")
public record AnomalyProperties(String checkCron, Integer profileDays) {
    public AnomalyProperties {
        checkCron = checkCron == null ? "0 5 * * * *" : checkCron;
        profileDays = profileDays == null ? 28 : profileDays;
    }
}
