package io.keliu.ingest.pipeline;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DOWN while any part of the pipeline (the raw-topic poller, a database writer, the outbox relay, Kafka's
 * acknowledgements) cannot do its work, with each part's reason; UP again once every part has recovered.
 */
@Component("ingest")
public class IngestHealth implements HealthIndicator {
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    /** {@code part} cannot do its work, for {@code reason} (replacing its earlier reason). */
    public void failing(String part, String reason) {
        problems.put(part, reason);
    }

    /** {@code part} works again. */
    public void recovered(String part) {
        problems.remove(part);
    }

    @Override
    public Health health() {
        return problems.isEmpty() ? Health.up().build() : Health.down().withDetails(new TreeMap<>(problems)).build();
    }
}
