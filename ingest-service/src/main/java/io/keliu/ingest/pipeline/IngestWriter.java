package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.DeadLetter;
import io.keliu.contracts.v1.FieldError;
import io.keliu.ingest.deadletter.DeadLetterStore;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.store.CopyRow;
import io.keliu.ingest.store.TableSpec;
import io.keliu.ingest.store.UpsertStore.Change;
import io.keliu.ingest.store.UpsertStore.Staged;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes one batch of normalized records in one transaction: the accepted ones into their table (newest version wins),
 * the rejected ones into the dead-letter table; then publishes the change events (and, for records from a topic, the
 * dead letters) and waits for the broker before it commits. Used by both the Kafka consumers and the file imports.
 */
@Component
public class IngestWriter {
    private static final Logger log = LoggerFactory.getLogger(IngestWriter.class);
    private static final long PUBLISH_TIMEOUT_SECONDS = 60;

    private final DataSource dataSource;
    private final DeadLetterStore deadLetters;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;

    public IngestWriter(DataSource dataSource, DeadLetterStore deadLetters, EventPublisher publisher,
                        MeterRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.metrics = new IngestMetrics(registry);
        this.clock = clock;
    }

    /**
     * @param publishRejects whether rejected records also go to the dead-letter topic (imports report them instead)
     */
    public <T> BatchOutcome write(IngestKind<T> kind, List<Normalized<T>> batch, boolean publishRejects) {
        Deduplicated<T> latest = latestPerKey(kind.store().spec(), batch);
        List<DeadLetter> letters = deadLetters(kind, batch);
        List<Change<T>> changes;
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                changes = kind.store().upsert(connection, latest.staged().values());
                deadLetters.save(connection, letters);
                long stored = System.nanoTime();
                List<CompletableFuture<?>> sent = new ArrayList<>(publisher.publishChanges(kind, changes));
                if (publishRejects) {
                    sent.addAll(publisher.publishDeadLetters(letters));
                }
                long handedToProducer = System.nanoTime();
                awaitBroker(sent);
                long acknowledged = System.nanoTime();
                connection.commit();
                log.debug("{} {}: store {} ms, send {} ms, broker ack {} ms, commit {} ms", batch.size(), kind.name(),
                        (stored - started) / 1_000_000, (handedToProducer - stored) / 1_000_000,
                        (acknowledged - handedToProducer) / 1_000_000, (System.nanoTime() - acknowledged) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IngestFailure("the database refused a batch of " + kind.name() + ": " + e.getMessage(), e);
        }
        long accepted = 0;
        for (Change<T> change : changes) {
            accepted += 1 + latest.superseded().getOrDefault(kind.store().spec().identity(change.after()), 0);
        }
        long duplicates = batch.size() - letters.size() - accepted;
        metrics.count(kind.name(), accepted, duplicates, letters.size(), publishRejects);
        return new BatchOutcome(accepted, duplicates, letters.stream().map(DeadLetter::errors).toList());
    }

    /**
     * Keeps one version per key, as the table would: the newest, and on a tie the later one unless the table never
     * replaces (logs). A version that a later one of the same batch replaced counts as accepted when that later one
     * changes the table, and as a duplicate when it does not (re-importing a file reports nothing as accepted).
     */
    private static <T> Deduplicated<T> latestPerKey(TableSpec<T> spec, List<Normalized<T>> batch) {
        Map<String, Staged<T>> latest = new LinkedHashMap<>(batch.size() * 2);
        boolean replaceable = !spec.versionColumns().isEmpty();
        StringBuilder buffer = new StringBuilder(256);
        Map<String, Integer> superseded = new HashMap<>();
        for (Normalized<T> record : batch) {
            if (!record.isAccepted()) {
                continue;
            }
            buffer.setLength(0);
            CopyRow row = new CopyRow(buffer);
            spec.write(record.value(), row);
            Staged<T> staged = new Staged<>(record.value(), row.end());
            String key = spec.identity(record.value());
            Staged<T> held = latest.putIfAbsent(key, staged);
            if (held != null && replaceable && !held.row().equals(staged.row())
                    && spec.versionOrder().compare(staged.record(), held.record()) >= 0) {
                latest.put(key, staged);
                superseded.merge(key, 1, Integer::sum);
            }
        }
        return new Deduplicated<>(latest, superseded);
    }

    private <T> List<DeadLetter> deadLetters(IngestKind<T> kind, List<Normalized<T>> batch) {
        List<DeadLetter> letters = new ArrayList<>();
        for (Normalized<T> record : batch) {
            if (!record.isAccepted()) {
                List<FieldError> errors = record.errors();
                String payload = DeadLetterStore.keepable(record.raw().payload().get());
                letters.add(new DeadLetter(kind.name(), record.raw().origin(), payload, errors, clock.instant()));
            }
        }
        return letters;
    }

    private static void awaitBroker(List<CompletableFuture<?>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestFailure("interrupted while publishing change events", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IngestFailure("Kafka did not take the change events: " + e.getMessage(), e);
        }
    }

    private record Deduplicated<T>(Map<String, Staged<T>> staged, Map<String, Integer> superseded) {
    }
}
