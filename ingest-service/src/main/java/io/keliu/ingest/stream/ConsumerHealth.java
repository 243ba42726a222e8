package io.keliu.ingest.stream;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while the raw-topic consumer is being restarted after a failure, with the failure as the reason. */
@Component
class ConsumerHealth implements HealthIndicator {
    private final RawTopicsConsumer consumer;
    private final ConsumerProperties properties;

    ConsumerHealth(RawTopicsConsumer consumer, ConsumerProperties properties) {
        this.consumer = consumer;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("consumer", "disabled").build();
        }
        String failure = consumer.lastFailure();
        return failure == null ? Health.up().build() : Health.down().withDetail("lastFailure", failure).build();
    }
}
