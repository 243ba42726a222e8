package io.keliu.ingest.stream;

import io.keliu.ingest.pipeline.IngestFailure;
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
 * prepares while the writers store earlier batches, each in its own transaction, so the costs overlap. Offsets are
 * committed only after the database commit of every record below them (at-least-once, {@link WrittenOffsets});
 * redelivered records are no-ops in the upsert. Writers store in hand-off order ({@link StoreOrder}) and hold their
 * rows' locks until they commit, so the versions of a key apply, and their events go out, in stream order. A malformed
 * record becomes a dead letter and never stops the consumer; a database or broker outage retries the batch until
 * it goes through, holding back polling meanwhile.
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
    private volatile boolean running;
    private volatile String lastFailure;
    private volatile Consumer<String, byte[]> consumer;
    private Thread poller;
    private final List<Thread> dbWriters = new ArrayList<>();

    RawTopicsConsumer(ConsumerFactory<String, byte[]> consumers, IngestWriter writer, ConsumerProperties properties,
                      MeterRegistry registry, List<IngestKind<?>> kinds) {
        this.consumers = consumers;
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
            dbWriters.add(Thread.ofPlatform().name("raw-topics-writer-" + i).start(this::writeLoop));
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
                lastFailure = null;
            } catch (RuntimeException e) {
                lastFailure = e.toString();
                log.error("the raw-topic consumer failed; restarting it in {} s", RETRY_MILLIS / 1000, e);
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /** Null while the consumer runs normally; the last failure while it is being restarted. */
    String lastFailure() {
        return lastFailure;
    }

    private void pollLoop() {
        try (Consumer<String, byte[]> subscribed = consumers.createConsumer();
             KafkaClientMetrics ignored = bindMetrics(subscribed)) {
            consumer = subscribed;
            subscribed.subscribe(kindByTopic.keySet(), new DrainOnRevoke());
            Map<IngestKind<?>, Work<?>> pending = new HashMap<>();
            while (running) {
                commitWritten();
                long polling = System.nanoTime();
                ConsumerRecords<String, byte[]> records = subscribed.poll(POLL);
                long decoding = System.nanoTime();
                for (TopicPartition partition : records.partitions()) {
                    add(pending, kindByTopic.get(partition.topic()), partition, records.records(partition));
                }
                long handing = System.nanoTime();
                handOff(pending, records.isEmpty());
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

    private KafkaClientMetrics bindMetrics(Consumer<String, byte[]> subscribed) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(subscribed);
        metrics.bindTo(registry);
        return metrics;
    }

    private static <T> void add(Map<IngestKind<?>, Work<?>> pending, IngestKind<T> kind, TopicPartition partition,
                                List<ConsumerRecord<String, byte[]>> records) {
        @SuppressWarnings("unchecked")
        Work<T> batch = (Work<T>) pending.computeIfAbsent(kind, k -> new Work<>(kind));
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

    /** Hands full batches to the writer, and partial ones when the topics have gone quiet. */
    private void handOff(Map<IngestKind<?>, Work<?>> pending, boolean quiet) throws InterruptedException {
        var batches = pending.values().iterator();
        while (batches.hasNext()) {
            Work<?> batch = batches.next();
            if (quiet || batch.records.size() >= properties.batchSize()) {
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

    private void commitWritten() {
        Map<TopicPartition, OffsetAndMetadata> offsets = written.drain();
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (committed, failure) -> {
                if (failure != null) {
                    log.warn("offset commit failed, the records will be redelivered and skipped as duplicates: {}",
                            failure.getMessage());
                }
            });
        }
    }

    private void writeLoop() {
        while (running || !work.isEmpty()) {
            Prepared<?> batch;
            try {
                batch = work.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (batch != null && writeUntilDone(batch)) {
                written.written(batch.sequence(), batch.offsets());
                inFlight.decrementAndGet();
            }
        }
    }

    /** Retries a batch the database or broker refused; gives up only when the service stops. */
    private <T> boolean writeUntilDone(Prepared<T> batch) {
        while (true) {
            try {
                writer.write(batch.batch(), true, batch.turn());
                return true;
            } catch (IngestFailure e) {
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
     * Before partitions move to another instance, lets the writer finish what was handed off and commits it, so the
     * new owner starts after it instead of redoing it.
     */
    private final class DrainOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
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
