package io.keliu.orderanalytics.logs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param factor    a minute is a spike when its errors exceed the baseline (mean errors per minute) by this factor
 * @param baseline  how far back the baseline reaches
 * @param minErrors fewer errors in a minute are never a spike (one error over a quiet baseline is not news)
 */
@ConfigurationProperties("keliu.logs.spike")
public record SpikeProperties(Double factor, Duration baseline, Integer minErrors) {
    public SpikeProperties {
        factor = factor == null ? 3.0 : factor;
        baseline = baseline == null ? Duration.ofMinutes(30) : baseline;
        minErrors = minErrors == null ? 5 : minErrors;
    }
}
