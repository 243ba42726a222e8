package io.keliu.forecast.traffic;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;

/**
 * @param minuteRetention how long minute buckets are kept (48 h)
 * @param hourRetention   how long hour buckets are kept (2 years); days, weeks and months are kept for good
 */
@ConfigurationProperties("keliu.traffic")
public record TrafficProperties(Duration minuteRetention, Duration hourRetention) {
    public TrafficProperties {
        minuteRetention = minuteRetention == null ? Duration.ofHours(48) : minuteRetention;
        hourRetention = hourRetention == null ? Duration.ofDays(731) : hourRetention;
    }

    /** The oldest bucket start still kept at {@code granularity}, or null when kept for good. */
    public Duration retention(Granularity granularity) {
        return switch (granularity) {
            case MINUTE -> minuteRetention;
            case HOUR -> hourRetention;
            default -> null;
        };
    }

    /** Whether a bucket starting at {@code bucketStart} is still kept at {@code now}. */
    public boolean keeps(Granularity granularity, Instant bucketStart, Instant now) {
        Duration retention = retention(granularity);
        return retention == null || !bucketStart.isBefore(now.minus(retention));
    }
}
