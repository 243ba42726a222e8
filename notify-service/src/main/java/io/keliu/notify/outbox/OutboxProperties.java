package io.keliu.notify.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval     how often the sender looks for due notifications when nothing wakes it
 * @param maxAttempts      attempts before a notification is dead
 * @param backoffBase      the wait after the first failure; it doubles each time, up to {@code backoffCap}, and a
 *                         random part of it (jitter) is left out so that retries of many notifications spread
 * @param claimLease       how long a notification may stay SENDING before it counts as interrupted (a crash)
 * @param robotPerMinute   messages one WeCom robot accepts per {@code robotWindow}; more are merged into fewer
 * @param robotWindow      WeCom's window for that limit, one minute (shorter only in tests)
 * @param parallelSends    provider calls in flight at once
 */
@ConfigurationProperties("keliu.notify.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize, Integer maxAttempts, Duration backoffBase,
                               Duration backoffCap, Duration claimLease, Integer robotPerMinute,
                               Duration robotWindow, Integer parallelSends) {
    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        backoffBase = backoffBase == null ? Duration.ofSeconds(2) : backoffBase;
        backoffCap = backoffCap == null ? Duration.ofMinutes(5) : backoffCap;
        claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
        robotPerMinute = robotPerMinute == null ? 20 : robotPerMinute;
        robotWindow = robotWindow == null ? Duration.ofMinutes(1) : robotWindow;
        parallelSends = parallelSends == null ? 32 : parallelSends;
    }
}
