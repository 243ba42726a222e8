package io.keliu.ingest.stream;

import io.keliu.ingest.pipeline.IngestFailure;
import io.keliu.ingest.pipeline.IngestHealth;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.ingest.pipeline.IngestWriter;
import io.keliu.ingest.pipeline.PreparedBatch;
import io.keliu.ingest.pipeline.StoreOrder;
import io.keliu.ingest.records.JsonRecordDecoder;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.records.UnreadableRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Consumes the raw topics with a poller and a few writers joined by a short queue: the poller decodes, validates and
 * prepares while the writers store earlier batches, each in its own transaction, so the costs overlap. A batch is
 * handed off when it is full or its oldest record has waited {@code max-wait}. Offsets are committed only after the
 * database commit of every record below them (at-least-once, {@link WrittenOffsets}); redelivered records are no-ops
 * in the upsert. Writers store in hand-off order ({@link StoreOrder}) and hold their rows' locks until they commit, so
 * the versions of a key apply, and their events go out, in stream order. A malformed record becomes a dead letter and
 * never stops the consumer; a database or broker outage retries the batch until it goes through, holding back polling
 * meanwhile, with health DOWN. Anything else a writer cannot get past stops the consumer, health DOWN with the reason.
 */
@Component
class RawTopicsConsumer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RawTopicsConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_MILLIS = 2_000;

    private final ConsumerFactory<String, byte[]> consumers;
    private final IngestWriter writer;
    private final ConsumerProperties properties;
    private final MeterRegistry registry;
    private final Map<String, IngestKind<?>> kindByTopic;
    private final BlockingQueue<Prepared<?>> work;
    private final WrittenOffsets written = new WrittenOffsets();
    private final StoreOrder storeOrder = new StoreOrder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final IngestHealth health;
    /** Records polled but not yet handed off, by kind; touched only by the poller thread. */
    private final Map<IngestKind<?>, Work<?>> pending = new HashMap<>();
    private volatile boolean running;
    /** Set by the poller when it restarts the consumer after a failure, until the new one has polled. */
    private boolean restarted;
    private volatile Consumer<String, byte[]> consumer;
    private Thread poller;
    private final List<Thread> dbWriters = new ArrayList<>();

    RawTopicsConsumer(ConsumerFactory<String, byte[]> consumers, IngestWriter writer, ConsumerProperties properties,
                      MeterRegistry registry, List<IngestKind<?>> kinds, IngestHealth health) {
        this.consumers = consumers;
        this.health = health;
        this.writer = writer;
        this.properties = properties;
        this.registry = registry;
        this.kindByTopic = kinds.stream().collect(Collectors.toMap(IngestKind::rawTopic, Function.identity()));
        this.work = new ArrayBlockingQueue<>(properties.queue());
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        poller = Thread.ofPlatform().name("raw-topics-poller").start(this::pollUntilStopped);
        for (int i = 0; i < properties.writers(); i++) {
            String name = "raw-topics-writer-" + i;
            dbWriters.add(Thread.ofPlatform().name(name).start(() -> writeLoop(name)));
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        join(poller);
        dbWriters.forEach(Thread::interrupt);
        dbWriters.forEach(RawTopicsConsumer::join);
        dbWriters.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Runs the poll loop, and runs it again with a new consumer after an unexpected failure: the service keeps
     * consuming rather than standing healthy with a dead consumer. Health shows the failure meanwhile.
     */
    private void pollUntilStopped() {
        while (running) {
            try {
                pollLoop();
            } catch (RuntimeException e) {
                restarted = true;
                health.failing("consumer", "restarting after " + e);
                log.error("the raw-topic consumer failed; restarting it in {} s", RETRY_MILLIS / 1000, e);
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException stopping) {
                    return;
                }
            } catch (Throwable fatal) {
                stopFor(fatal);
                throw fatal;
            }
        }
    }

    /** Stops consuming for good: what made a thread give up would make it give up again. */
    private void stopFor(Throwable fatal) {
        log.error("the raw-topic consumer stops", fatal);
        health.failing("consumer", "stopped: " + fatal + "; restart the service once the cause is fixed");
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void pollLoop() {
        pending.clear();
        try (Consumer<String, byte[]> subscribed = consumers.createConsumer();
             KafkaClientMetrics ignored = bindMetrics(subscribed)) {
            consumer = subscribed;
            subscribed.subscribe(kindByTopic.keySet(), new DrainOnRevoke());
            while (running) {
                commitWritten();
                long polling = System.nanoTime();
                ConsumerRecords<String, byte[]> records = subscribed.poll(untilNextHandOff());
                if (restarted) {
                    restarted = false;
                    health.recovered("consumer");
                }
                long decoding = System.nanoTime();
                for (TopicPartition partition : records.partitions()) {
                    add(kindByTopic.get(partition.topic()), partition, records.records(partition));
                }
                long handing = System.nanoTime();
                handOff(records.isEmpty());
                if (log.isDebugEnabled() && !records.isEmpty()) {
                    log.debug("polled {} in {} ms, decoded in {} ms, handed off in {} ms", records.count(),
                            (decoding - polling) / 1_000_000, (handing - decoding) / 1_000_000,
                            (System.nanoTime() - handing) / 1_000_000);
                }
            }
        } catch (WakeupException stopping) {
            log.debug("poller woken up to stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer = null;
        }
    }

    /** How long a poll may wait: until the oldest pending record has waited the longest it may. */
    private Duration untilNextHandOff() {
        long now = System.nanoTime();
        long wait = POLL.toNanos();
        for (Work<?> batch : pending.values()) {
            wait = Math.min(wait, batch.startedAt + properties.maxWait().toNanos() - now);
        }
        return Duration.ofNanos(Math.max(0, wait));
    }

    private KafkaClientMetrics bindMetrics(Consumer<String, byte[]> subscribed) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(subscribed);
        metrics.bindTo(registry);
        return metrics;
    }

    private <T> void add(IngestKind<T> kind, TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
        @SuppressWarnings("unchecked")
        Work<T> batch = (Work<T>) pending.computeIfAbsent(kind, k -> new Work<>(kind));
        batch.firstOffsets.putIfAbsent(partition, records.getFirst().offset());
        String source = partition.topic() + "-" + partition.partition() + "@";
        for (ConsumerRecord<String, byte[]> record : records) {
            String origin = source + record.offset();
            byte[] value = record.value() == null ? new byte[0] : record.value();
            Normalized<T> normalized;
            try {
                normalized = kind.normalizer().normalize(
                        JsonRecordDecoder.decode(kind.fields(), value, 0, value.length, origin, 0));
            } catch (UnreadableRecord e) {
                normalized = Normalized.unreadable(kind.fields(), origin, 0, e);
            }
            batch.records.add(normalized);
        }
        batch.offsets.put(partition, new OffsetAndMetadata(records.getLast().offset() + 1));
    }

    /** Hands batches to the writers: full ones, ones that have waited long enough, and all once the topics are quiet. */
    private void handOff(boolean quiet) throws InterruptedException {
        long due = System.nanoTime() - properties.maxWait().toNanos();
        var batches = pending.values().iterator();
        while (batches.hasNext()) {
            Work<?> batch = batches.next();
            if (quiet || batch.records.size() >= properties.batchSize() || batch.startedAt <= due) {
                Prepared<?> prepared = batch.prepare(writer, written, storeOrder);
                inFlight.incrementAndGet();
                while (!work.offer(prepared, 100, TimeUnit.MILLISECONDS)) {
                    if (!running) {
                        inFlight.decrementAndGet(); // stopping: left to the next consumer, from the last commit
                        return;
                    }
                    commitWritten();
                }
                batches.remove();
            }
        }
    }

    /** Commits what is stored, for the partitions this instance still owns. */
    private void commitWritten() {
        Map<TopicPartition, OffsetAndMetadata> offsets = written.drain();
        offsets.keySet().retainAll(consumer.assignment());
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (committed, failure) -> {
                if (failure != null) {
                    log.warn("offset commit failed, the records will be redelivered and skipped as duplicates: {}",
                            failure.getMessage());
                }
            });
        }
    }

    private void writeLoop(String name) {
        try {
            while (running || !work.isEmpty()) {
                Prepared<?> batch;
                try {
                    batch = work.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (batch != null && writeUntilDone(name, batch)) {
                    written.written(batch.sequence(), batch.offsets());
                    inFlight.decrementAndGet();
                }
            }
        } catch (Throwable fatal) {
            stopFor(fatal);
            throw fatal;
        }
    }

    /**
     * Retries a batch the database or broker could not take, health DOWN meanwhile; gives up only when the service
     * stops. Records that fail otherwise were already isolated as dead letters by the writer.
     */
    private <T> boolean writeUntilDone(String name, Prepared<T> batch) {
        while (true) {
            try {
                writer.write(batch.batch(), true, batch.turn());
                health.recovered(name);
                return true;
            } catch (IngestFailure e) {
                health.failing(name, e.getMessage() + "; retrying");
                log.warn("{}; retrying in {} s", e.getMessage(), RETRY_MILLIS / 1000);
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException stopping) {
                    return false;
                }
            }
        }
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Before partitions move to another instance: drops what was polled but not handed off (the new owner reads it
     * again; for partitions this instance keeps, it seeks back to read it again itself), lets the writers finish what
     * was handed off, and commits it, so the new owner starts after it instead of redoing it.
     */
    private final class DrainOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, Long> unhandled = new HashMap<>();
            pending.values().forEach(batch -> batch.firstOffsets.forEach((p, o) -> unhandled.merge(p, o, Math::min)));
            pending.clear();
            unhandled.forEach((partition, offset) -> {
                if (!partitions.contains(partition)) {
                    consumer.seek(partition, offset);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = written.drain();
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
            }
            log.info("gave up {} ({} partitions had records not yet handed off)", partitions, unhandled.size());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.info("consuming {}", partitions);
        }
    }

    /** Records being collected for one kind, with the offsets after them. */
    private static final class Work<T> {
        final IngestKind<T> kind;
        final List<Normalized<T>> records = new ArrayList<>();
        final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        final long startedAt = System.nanoTime();

        Work(IngestKind<T> kind) {
            this.kind = kind;
        }

        /**
         * Runs on the poller thread, so that the database writers only store, publish and commit. Numbers the batch
         * only once it is prepared: a batch that failed to prepare leaves no gap in the order.
         */
        Prepared<T> prepare(IngestWriter writer, WrittenOffsets written, StoreOrder storeOrder) {
            PreparedBatch<T> batch = writer.prepare(kind, records);
            return new Prepared<>(batch, offsets, written.handOff(), storeOrder.next());
        }
    }

    private record Prepared<T>(PreparedBatch<T> batch, Map<TopicPartition, OffsetAndMetadata> offsets,
                               long sequence, StoreOrder.Turn turn) {
    }
}
