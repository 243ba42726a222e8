package io.keliu.notify.channels;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health per channel: each says whether it is on and why not. A channel that is off is configuration, not failure,
 * so the service stays UP; the details tell which channels can deliver.
 */
@Component
public class ChannelsHealthIndicator implements HealthIndicator {
    private final Channels channels;

    public ChannelsHealthIndicator(Channels channels) {
        this.channels = channels;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        channels.availability().forEach((kind, availability) -> health.withDetail(kind.name().toLowerCase(),
                java.util.Map.of("on", availability.on(), "detail", availability.detail())));
        return health.build();
    }
}
