package io.keliu.forecast.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param tickerPerSecond at most this many orders a second go to the ticker (the rest are only counted)
 * @param replayEvents    how many recent stream events are kept for clients reconnecting with Last-Event-ID
 * @param streamTimeout   how long one stream connection stays open before the client reconnects
 */
@ConfigurationProperties("keliu.live")
public record LiveProperties(Integer tickerPerSecond, Integer replayEvents, Duration streamTimeout) {
    public LiveProperties {
        tickerPerSecond = tickerPerSecond == null ? 10 : tickerPerSecond;
        replayEvents = replayEvents == null ? 2000 : replayEvents;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
    }
}
