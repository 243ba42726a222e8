package io.keliu.notify.outbox;

import io.keliu.notify.channels.ChannelKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Per channel: notifications sent, failed (each failed attempt), retried, dead and unknown
 * ({@code keliu_notify_notifications_total{channel,outcome}}); the provider call's latency
 * ({@code keliu_notify_provider_seconds}); and the time from commit to the provider's accept
 * ({@code keliu_notify_delivery_seconds}).
 */
@Component
class DeliveryMetrics {
    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(ChannelKind channel, String outcome) {
        Counter.builder("keliu.notify.notifications").tag("channel", channel.name()).tag("outcome", outcome)
                .register(registry).increment();
    }

    void providerCall(ChannelKind channel, Duration took) {
        Timer.builder("keliu.notify.provider").tag("channel", channel.name()).publishPercentileHistogram()
                .register(registry).record(took);
    }

    void delivered(ChannelKind channel, Duration sinceCommit) {
        Timer.builder("keliu.notify.delivery").tag("channel", channel.name()).publishPercentileHistogram()
                .register(registry).record(sinceCommit);
    }
}
