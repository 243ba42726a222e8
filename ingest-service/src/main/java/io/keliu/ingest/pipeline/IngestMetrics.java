package io.keliu.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code keliu.ingest.records} counted by kind and outcome: accepted, duplicate, rejected, dead_lettered. */
final class IngestMetrics {
    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String kind, long accepted, long duplicates, long rejected, boolean deadLettered) {
        counter(kind, "accepted").increment(accepted);
        counter(kind, "duplicate").increment(duplicates);
        counter(kind, deadLettered ? "dead_lettered" : "rejected").increment(rejected);
    }

    private Counter counter(String kind, String outcome) {
        return Counter.builder("keliu.ingest.records").description("Records ingest took, by outcome")
                .tag("kind", kind).tag("outcome", outcome).register(registry);
    }
}
