package io.keliu.ingest.status;

import io.keliu.ingest.pipeline.IngestKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How fast records come in and how many wait: the records ingest took per second over the last minute (every
 * outcome of {@code keliu.ingest.records}: accepted, duplicate, rejected, dead-lettered; streamed or imported), and
 * the raw topics' records not yet consumed by the ingest consumer group (its lag).
 */
@Component
public class IngestStatus {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration SAMPLE_SPACING = Duration.ofSeconds(5);
    private static final Duration LAG_REUSE = Duration.ofSeconds(5);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(3);

    private final MeterRegistry registry;
    private final Map<String, String> kindByTopic;
    private final String group;
    private final Admin admin;
    private final Clock clock;
    /** Counter totals at least 5 s apart, the first at or before the window's start (when there is one). */
    private final List<Sample> samples = new ArrayList<>();
    private Map<String, Long> lastLag;
    private Instant lagAt = Instant.MIN;

    private record Sample(Instant at, Map<String, Double> totals) {
    }

    /**
     * @param windowSeconds the seconds the rates are averaged over: a minute, or since the service started or was
     *                      last asked, whichever is shorter
     * @param lag           records waiting in each kind's raw topic; null when the broker did not answer
     */
    public record Status(double windowSeconds, Map<String, Double> recordsPerSecond, Map<String, Long> lag) {
    }

    IngestStatus(MeterRegistry registry, List<IngestKind<?>> kinds, KafkaProperties kafka, KafkaAdmin kafkaAdmin,
                 Clock clock) {
        this.registry = registry;
        this.kindByTopic = kinds.stream().collect(Collectors.toMap(IngestKind::rawTopic, IngestKind::name));
        this.group = kafka.getConsumer().getGroupId();
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.clock = clock;
        samples.add(new Sample(clock.instant(), totals()));
    }

    public synchronized Status status() {
        Instant now = clock.instant();
        Map<String, Double> totals = totals();
        Instant windowStart = now.minus(WINDOW);
        while (samples.size() > 1 && !samples.get(1).at().isAfter(windowStart)) {
            samples.removeFirst();
        }
        Sample oldest = samples.getFirst();
        double seconds = Math.max(0.001, Duration.between(oldest.at(), now).toMillis() / 1000.0);
        Map<String, Double> rates = new TreeMap<>();
        kindByTopic.values().forEach(kind -> rates.put(kind,
                (totals.getOrDefault(kind, 0.0) - oldest.totals().getOrDefault(kind, 0.0)) / seconds));
        if (Duration.between(samples.getLast().at(), now).compareTo(SAMPLE_SPACING) >= 0) {
            samples.add(new Sample(now, totals));
        }
        return new Status(seconds, rates, lag(now));
    }

    private Map<String, Double> totals() {
        Map<String, Double> totals = new HashMap<>();
        for (Counter counter : registry.find("keliu.ingest.records").counters()) {
            totals.merge(counter.getId().getTag("kind"), counter.count(), Double::sum);
        }
        return totals;
    }

    private Map<String, Long> lag(Instant now) {
        if (lastLag != null && now.isBefore(lagAt.plus(LAG_REUSE))) {
            return lastLag;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = admin.describeTopics(kindByTopic.keySet()).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Long> lag = new TreeMap<>();
            kindByTopic.values().forEach(kind -> lag.put(kind, 0L));
            ends.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                long waiting = Math.max(0, end.offset() - (done == null ? 0 : done.offset()));
                lag.merge(kindByTopic.get(partition.topic()), waiting, Long::sum);
            });
            lastLag = lag;
        } catch (Exception unavailable) {
            if (unavailable instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lastLag = null;
        }
        lagAt = now;
        return lastLag;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
