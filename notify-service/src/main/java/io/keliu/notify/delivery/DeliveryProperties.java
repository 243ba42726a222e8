package io.keliu.notify.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Alertmanager's timings.
 *
 * @param groupWait      how long a new group waits for more alerts before its first notification
 * @param groupInterval  how long a group waits after a notification before telling of new or resolved alerts
 * @param repeatInterval how long before a group whose alerts still fire is notified again
 * @param flushInterval  how often due groups are looked for
 */
@ConfigurationProperties("keliu.notify.delivery")
public record DeliveryProperties(Duration groupWait, Duration groupInterval, Duration repeatInterval,
                                 Duration flushInterval) {
    public DeliveryProperties {
        groupWait = groupWait == null ? Duration.ofSeconds(30) : groupWait;
        groupInterval = groupInterval == null ? Duration.ofMinutes(5) : groupInterval;
        repeatInterval = repeatInterval == null ? Duration.ofHours(4) : repeatInterval;
        flushInterval = flushInterval == null ? Duration.ofMillis(500) : flushInterval;
    }
}
