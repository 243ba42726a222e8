package io.keliu.orderanalytics.logs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The rule that makes a minute of one source's errors a spike; the detector and the spike history both apply it.
 *
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

    public long baselineMinutes() {
        return baseline.toMinutes();
    }

    /** The mean errors per minute of the baseline window that held {@code baselineErrors}. */
    public double baselinePerMinute(long baselineErrors) {
        return (double) baselineErrors / baselineMinutes();
    }

    /**
     * More errors in a minute than this (and at least {@link #minErrors}) are a spike; a baseline below one error per
     * window counts as one error per window.
     */
    public double threshold(long baselineErrors) {
        return factor * Math.max(baselinePerMinute(baselineErrors), 1.0 / baselineMinutes());
    }

    public boolean isSpike(long errors, long baselineErrors) {
        return errors >= minErrors && errors > threshold(baselineErrors);
    }
}
