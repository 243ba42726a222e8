package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.DeadLetter;
import io.keliu.contracts.v1.FieldError;
import io.keliu.ingest.deadletter.DeadLetterStore;
import io.keliu.ingest.pipeline.PreparedBatch.PreparedRecord;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.records.RawRecord;
import io.keliu.ingest.store.CopyRow;
import io.keliu.ingest.store.TableSpec;
import io.keliu.ingest.store.UpsertStore.Change;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes batches of normalized records, for both the Kafka consumers and the file imports, in two steps that can run
 * on different threads: {@link #prepare} does what needs no database (one version per key, rows, event parts, dead
 * letters); {@link #write} stores the accepted records (newest version wins) and the dead letters in one transaction,
 * keeps the change events (and, for records from a topic, the dead letters) in the {@link Outbox}, commits, and then
 * publishes them.
 */
@Component
public class IngestWriter {
    private static final Logger log = LoggerFactory.getLogger(IngestWriter.class);

    private final DataSource dataSource;
    private final DeadLetterStore deadLetters;
    private final EventPublisher publisher;
    private final Outbox outbox;
    private final IngestMetrics metrics;
    private final Clock clock;

    public IngestWriter(DataSource dataSource, DeadLetterStore deadLetters, EventPublisher publisher, Outbox outbox,
                        MeterRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.outbox = outbox;
        this.metrics = new IngestMetrics(registry);
        this.clock = clock;
    }

    /**
     * Keeps one version per key, as the table would: the newest, and on a tie the later one unless the table never
     * replaces (logs). A version that a later one of the same batch replaced counts as accepted when that later one
     * changes the table, and as a duplicate when it does not (re-importing a file reports nothing as accepted).
     */
    public <T> PreparedBatch<T> prepare(IngestKind<T> kind, List<Normalized<T>> batch) {
        TableSpec<T> spec = kind.store().spec();
        boolean replaceable = !spec.versionColumns().isEmpty();
        Map<String, Candidate<T>> latest = new LinkedHashMap<>(batch.size() * 2);
        Map<String, Integer> superseded = new HashMap<>();
        List<DeadLetter> letters = new ArrayList<>();
        CopyRow row = new CopyRow();
        for (Normalized<T> record : batch) {
            if (!record.isAccepted()) {
                letters.add(new DeadLetter(kind.name(), record.raw().origin(),
                        DeadLetterStore.keepable(record.raw().payload().get()), record.errors(), clock.instant()));
                continue;
            }
            Candidate<T> candidate;
            try {
                spec.write(record.value(), row);
                candidate = new Candidate<>(spec.identity(record.value()), record.value(), row.end(), record.raw());
            } catch (RuntimeException unexpected) {
                row = new CopyRow();
                letters.add(failedToPrepare(kind, record.raw(), record.value(), unexpected));
                continue;
            }
            Candidate<T> held = latest.putIfAbsent(candidate.identity(), candidate);
            if (held != null && replaceable && !Arrays.equals(held.row(), candidate.row())
                    && spec.versionOrder().compare(candidate.record(), held.record()) >= 0) {
                latest.put(candidate.identity(), candidate);
                superseded.merge(candidate.identity(), 1, Integer::sum);
            }
        }
        Instant preparedAt = clock.instant();
        List<PreparedRecord> records = new ArrayList<>(latest.size());
        try (EventPublisher.EventRenderer events = publisher.renderer(preparedAt)) {
            for (Candidate<T> candidate : latest.values()) {
                try {
                    records.add(new PreparedRecord(candidate.identity(), candidate.row(),
                            events.render(kind, candidate.record(), candidate.row()), candidate.source()));
                } catch (RuntimeException unexpected) {
                    letters.add(failedToPrepare(kind, candidate.source(), candidate.record(), unexpected));
                }
            }
        }
        return new PreparedBatch<>(kind, batch.size(), records, superseded, letters, preparedAt);
    }

    /** A valid record that ingest nevertheless fails on: a fault of ours, kept with its reason instead of stalling. */
    private DeadLetter failedToPrepare(IngestKind<?> kind, RawRecord raw, Object record, RuntimeException unexpected) {
        log.error("unexpected failure preparing a record of {} from {}", kind.name(), raw.origin(), unexpected);
        String payload = raw.payload() != null ? raw.payload().get() : String.valueOf(record);
        return new DeadLetter(kind.name(), raw.origin(), DeadLetterStore.keepable(payload),
                List.of(new FieldError(raw.line(), null, "ingest failed on the record (" + unexpected
                        + "); please report it")), clock.instant());
    }

    /** A connection that broke mid-batch cannot roll back; closing it discards the transaction all the same. */
    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed: {}", e.getMessage());
        }
    }

    /** A version of a record competing for its key within one batch. */
    private record Candidate<T>(String identity, T record, byte[] row, RawRecord source) {
    }

    /** Prepares and writes in one go, for a batch that no other batch of its stream is written beside. */
    public <T> BatchOutcome write(IngestKind<T> kind, List<Normalized<T>> batch, boolean publishRejects) {
        return write(prepare(kind, batch), publishRejects, StoreOrder.alone());
    }

    /** Prepares and writes a batch that other batches of its stream are written beside; gives up its turn if it fails. */
    public <T> BatchOutcome write(IngestKind<T> kind, List<Normalized<T>> batch, boolean publishRejects,
                                  StoreOrder.Turn turn) {
        try {
            return write(prepare(kind, batch), publishRejects, turn);
        } finally {
            turn.release();
        }
    }

    /**
     * Writes the batch; should the database refuse its data (not merely fail), finds the records it refuses by halving
     * the batch, and keeps them as dead letters, so that one bad record never holds back the others or the consumer.
     *
     * @param publishRejects whether rejected records also go to the dead-letter topic (imports report them instead)
     * @param turn           the batch's place among batches of its stream written at once
     */
    public <T> BatchOutcome write(PreparedBatch<T> batch, boolean publishRejects, StoreOrder.Turn turn) {
        try {
            return writeIsolatingRefusals(batch, publishRejects, turn);
        } finally {
            turn.release();
        }
    }

    private <T> BatchOutcome writeIsolatingRefusals(PreparedBatch<T> batch, boolean publishRejects,
                                                    StoreOrder.Turn turn) {
        try {
            return writeOnce(batch, publishRejects, turn);
        } catch (IngestFailure failure) {
            String refusal = failure.dataRefusal();
            if (refusal == null) {
                throw failure;
            }
            return isolate(batch, "the database refused the record: " + refusal, publishRejects, turn);
        } catch (RuntimeException unexpected) {
            // a fault of ours that some record triggers: rolled back, so find that record as for a refused one
            log.error("unexpected failure writing {} records of {}", batch.records().size(), batch.kind().name(),
                    unexpected);
            return isolate(batch, "ingest failed on the record (" + unexpected + "); please report it",
                    publishRejects, turn);
        }
    }

    private <T> BatchOutcome isolate(PreparedBatch<T> batch, String reason, boolean publishRejects,
                                     StoreOrder.Turn turn) {
        if (batch.records().size() == 1) {
            log.warn("{} record kept as a dead letter: {}", batch.kind().name(), reason);
            return writeOnce(batch.refused(reason), publishRejects, turn);
        }
        List<PreparedBatch<T>> halves = batch.halves();
        return writeIsolatingRefusals(halves.get(0), publishRejects, turn)
                .plus(writeIsolatingRefusals(halves.get(1), publishRejects, turn));
    }

    private <T> BatchOutcome writeOnce(PreparedBatch<T> batch, boolean publishRejects, StoreOrder.Turn turn) {
        IngestKind<T> kind = batch.kind();
        List<Change<T, PreparedRecord>> changes;
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                turn.await();
                changes = kind.store().upsert(connection, batch.records());
                deadLetters.save(connection, batch.deadLetters());
                turn.release(); // the rows stay locked until the commit; a later batch may store meanwhile
                long stored = System.nanoTime();
                OutboxMessages messages = new OutboxMessages();
                publisher.renderChanges(kind, changes, messages);
                if (publishRejects) {
                    publisher.renderDeadLetters(batch.deadLetters(), messages);
                }
                long batchId = messages.isEmpty() ? 0 : outbox.store(connection, messages);
                long kept = System.nanoTime();
                outbox.commitAndPublish(connection, batchId, messages);
                log.debug("{} {}: stored in {} ms, events rendered and kept in the outbox in {} ms, committed and"
                                + " acknowledged in {} ms", batch.size(), kind.name(), (stored - started) / 1_000_000,
                        (kept - stored) / 1_000_000, (System.nanoTime() - kept) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new IngestFailure("the database refused a batch of " + kind.name() + ": " + e.getMessage(), e);
        }
        long accepted = 0;
        for (Change<T, PreparedRecord> change : changes) {
            accepted += 1 + batch.superseded().getOrDefault(change.after().identity(), 0);
        }
        int rejected = batch.deadLetters().size();
        long duplicates = batch.size() - rejected - accepted;
        metrics.count(kind.name(), accepted, duplicates, rejected, publishRejects);
        return new BatchOutcome(accepted, duplicates, batch.deadLetters().stream().map(DeadLetter::errors).toList());
    }
}
