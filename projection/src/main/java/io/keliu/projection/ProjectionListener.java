package io.keliu.projection;

import io.keliu.contracts.v1.ChangeEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies the change topics to the service's tables: one batch listener for all of the service's handlers. Each
 * batch is applied in one database transaction that also records its event ids and the partitions' next offsets;
 * the Kafka offsets are acknowledged after the commit. The next offsets in the database, not the group's committed
 * offsets, decide where a consumer starts: an empty schema starts from the beginning of each topic.
 */
public class ProjectionListener extends AbstractConsumerSeekAware {
    public static final String ID = "keliu-projection";
    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

    private final Map<String, ProjectionHandler<?>> handlers = new LinkedHashMap<>();
    private final ChangeEventDecoder decoder = new ChangeEventDecoder();
    private final ProjectionState state;
    private final TransactionTemplate transactions;
    private final ProjectionMetrics metrics;
    private final Duration dedupeWindow;
    private final Clock clock;
    private final AtomicReference<Instant> lastPrune;

    public ProjectionListener(List<ProjectionHandler<?>> handlers, ProjectionState state,
                              TransactionTemplate transactions, ProjectionMetrics metrics, Duration dedupeWindow,
                              Clock clock) {
        for (ProjectionHandler<?> handler : handlers) {
            if (this.handlers.putIfAbsent(handler.topic().name(), handler) != null) {
                throw new IllegalStateException("two projection handlers for " + handler.topic().name()
                        + ": one handler per topic applies its events");
            }
        }
        this.state = state;
        this.transactions = transactions;
        this.metrics = metrics;
        this.dedupeWindow = dedupeWindow;
        this.clock = clock;
        this.lastPrune = new AtomicReference<>(clock.instant());
    }

    public String[] topics() {
        return handlers.keySet().toArray(String[]::new);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        Map<TopicPartition, Long> applied = state.offsets();
        for (TopicPartition partition : assignments.keySet()) {
            Long next = applied.get(partition);
            if (next == null) {
                callback.seekToBeginning(List.of(partition));
            } else {
                callback.seek(partition.topic(), partition.partition(), next);
            }
        }
    }

    @KafkaListener(id = ID, topics = "#{__listener.topics()}", containerFactory = "projectionListenerContainerFactory",
            idIsGroup = false, batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        List<ChangeEvent<?>> events = new ArrayList<>(records.size());
        UnusableEvent unusable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(decoder.decode(handlers.get(record.topic()).topic(), record.value()));
            } catch (UnusableEvent e) {
                unusable = e;
                break;
            }
        }
        List<ConsumerRecord<String, byte[]>> usable = records.subList(0, events.size());
        if (!usable.isEmpty()) {
            applyOrIsolate(usable, events);
        }
        metrics.lag(consumer);
        if (unusable != null) {
            throw new BatchListenerFailedException(unusable.getMessage(), unusable, records.get(events.size()));
        }
        ack.acknowledge();
        pruneWhenDue();
    }

    /** Applies the batch at once; when that fails for the events' sake, one event at a time to find the culprit. */
    private void applyOrIsolate(List<ConsumerRecord<String, byte[]>> records, List<ChangeEvent<?>> events) {
        try {
            apply(records, events);
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw new BatchListenerFailedException("database unavailable", e, records.getFirst());
            }
            log.warn("A batch of {} change events failed ({}); applying them one at a time", records.size(),
                    Failures.reason(e));
            for (int i = 0; i < records.size(); i++) {
                try {
                    apply(records.subList(i, i + 1), events.subList(i, i + 1));
                } catch (RuntimeException single) {
                    throw new BatchListenerFailedException(Failures.reason(single), single, records.get(i));
                }
            }
        }
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records, List<ChangeEvent<?>> events) {
        long started = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            Map<TopicPartition, Long> applied = state.lockOffsets(partitions(records));
            List<Integer> fresh = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                if (record.offset() >= applied.getOrDefault(partition(record), 0L)) {
                    fresh.add(i);
                }
            }
            Set<UUID> claimed = state.claim(fresh.stream().map(i -> eventId(events.get(i))).toList());
            Map<String, List<ChangeEvent<?>>> byTopic = new LinkedHashMap<>();
            for (int i : fresh) {
                if (claimed.remove(eventId(events.get(i)))) {
                    byTopic.computeIfAbsent(records.get(i).topic(), t -> new ArrayList<>()).add(events.get(i));
                }
            }
            handlers.forEach((topic, handler) -> {
                List<ChangeEvent<?>> batch = byTopic.get(topic);
                if (batch != null) {
                    applyTo(handler, batch);
                }
            });
            state.advance(nextOffsets(records));
            byTopic.forEach((topic, batch) -> metrics.applied(topic, batch.size()));
            metrics.duplicates(records.size() - byTopic.values().stream().mapToInt(List::size).sum());
        });
        metrics.batch(System.nanoTime() - started);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void applyTo(ProjectionHandler<?> handler, List<ChangeEvent<?>> events) {
        ((ProjectionHandler) handler).apply(events);
    }

    /** Empties the handlers' tables and the projection's positions, in one transaction. */
    void reset() {
        transactions.executeWithoutResult(status -> {
            handlers.values().forEach(ProjectionHandler::reset);
            state.reset();
        });
    }

    private void pruneWhenDue() {
        Instant last = lastPrune.get();
        Instant now = clock.instant();
        if (now.isAfter(last.plus(PRUNE_EVERY)) && lastPrune.compareAndSet(last, now)) {
            int pruned = state.prune(dedupeWindow);
            log.debug("Forgot {} event ids applied more than {} ago", pruned, dedupeWindow);
        }
    }

    private static UUID eventId(ChangeEvent<?> event) {
        return UUID.fromString(event.eventId());
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static Collection<TopicPartition> partitions(List<? extends ConsumerRecord<?, ?>> records) {
        Set<TopicPartition> partitions = new HashSet<>();
        records.forEach(record -> partitions.add(partition(record)));
        return partitions;
    }

    private static Map<TopicPartition, Long> nextOffsets(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        records.forEach(record -> next.merge(partition(record), record.offset() + 1, Math::max));
        return next;
    }
}
