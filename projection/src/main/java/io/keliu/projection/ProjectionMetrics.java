package io.keliu.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The projection's meters: {@code keliu.projection.events} (by topic and outcome: applied, duplicate, dead-letter),
 * {@code keliu.projection.batches} (time to apply a batch, commit included) and {@code keliu.projection.lag} (change
 * events on the topic not yet applied, as the consumers last saw it).
 */
public final class ProjectionMetrics {
    private final MeterRegistry registry;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Timer batches;
    private final Counter duplicates;

    public ProjectionMetrics(MeterRegistry registry, String[] topics) {
        this.registry = registry;
        this.batches = Timer.builder("keliu.projection.batches")
                .description("time to apply a batch of change events, commit included").register(registry);
        this.duplicates = events("all", "duplicate");
        for (String topic : topics) {
            Gauge.builder("keliu.projection.lag", lag, partitions -> partitions.entrySet().stream()
                            .filter(entry -> entry.getKey().topic().equals(topic))
                            .mapToLong(Map.Entry::getValue).sum())
                    .tag("topic", topic)
                    .description("change events on the topic not yet applied")
                    .register(registry);
        }
    }

    private Counter events(String topic, String outcome) {
        return Counter.builder("keliu.projection.events").tag("topic", topic).tag("outcome", outcome)
                .description("change events by outcome").register(registry);
    }

    void applied(String topic, int count) {
        events(topic, "applied").increment(count);
    }

    void duplicates(int count) {
        duplicates.increment(count);
    }

    void deadLettered(String topic) {
        events(topic, "dead-letter").increment();
    }

    void batch(long nanos) {
        batches.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Reads the lag the consumer knows from its last fetch (no request to the broker). */
    void lag(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong behind = consumer.currentLag(partition);
            if (behind.isPresent()) {
                lag.put(partition, behind.getAsLong());
            }
        }
    }
}
