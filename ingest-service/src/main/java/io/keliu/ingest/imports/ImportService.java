package io.keliu.ingest.imports;

import io.keliu.contracts.v1.FieldError;
import io.keliu.ingest.pipeline.BatchOutcome;
import io.keliu.ingest.pipeline.IngestFailure;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.ingest.pipeline.IngestWriter;
import io.keliu.ingest.pipeline.StoreOrder;
import io.keliu.ingest.records.Normalized;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports a file as it streams in: reads and validates one batch while earlier ones are written (a few at once, each
 * in its own transaction), so memory stays at a few batches whatever the file size. Outcomes are tallied in file order.
 * A batch that fails leaves others committed; importing the file again is safe because every write is an idempotent
 * upsert. Versions of a key in two batches written at once still apply in file order: the later batch's upsert waits
 * for the earlier one's row locks.
 */
@Service
class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private final IngestWriter writer;
    private final ImportProperties properties;
    private final MeterRegistry registry;
    private final ExecutorService writes = Executors.newVirtualThreadPerTaskExecutor();

    ImportService(IngestWriter writer, ImportProperties properties, MeterRegistry registry) {
        this.writer = writer;
        this.properties = properties;
        this.registry = registry;
    }

    <T> ImportSummary importFile(IngestKind<T> kind, InputStream body, ImportFormat format, Charset charset)
            throws IOException {
        String importId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        RecordReader<T> reader = new RecordReader<>(kind, body, format, charset, properties.maxRecordBytes(),
                "import " + importId);
        Tally tally = new Tally(properties.maxErrors());
        Counter lines = Counter.builder("keliu.import.lines").tag("kind", kind.name()).register(registry);
        Deque<CompletableFuture<BatchOutcome>> writing = new ArrayDeque<>();
        StoreOrder order = new StoreOrder();
        List<Normalized<T>> batch = new ArrayList<>(properties.batchSize());
        long lastProgress = started;
        for (Normalized<T> record = reader.next(); record != null; record = reader.next()) {
            batch.add(record);
            if (batch.size() == properties.batchSize()) {
                if (writing.size() == properties.writers()) {
                    tally.add(await(writing.removeFirst()));
                }
                writing.addLast(writeAsync(kind, batch, order.next()));
                lines.increment(batch.size());
                batch = new ArrayList<>(properties.batchSize());
                lastProgress = logProgress(importId, tally, started, lastProgress);
            }
        }
        while (!writing.isEmpty()) {
            tally.add(await(writing.removeFirst()));
        }
        tally.add(writer.write(kind, batch, false));
        lines.increment(batch.size());
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = tally.accepted + tally.rejected + tally.duplicates;
        log.info("import {} of {} done: {} accepted, {} rejected, {} duplicates in {} s", importId, kind.name(),
                tally.accepted, tally.rejected, tally.duplicates, String.format("%.1f", seconds));
        return new ImportSummary(tally.accepted, tally.rejected, tally.duplicates, tally.errors, tally.omitted,
                reader.keys().repeatedRows(), reader.keys().repeatedLines(), importId, kind.name(), reader.ignoredColumns(), seconds, Math.round(total / Math.max(seconds, 1e-3)));
    }

    /**
     * Prepares and writes the batch on a thread of its own while the next batches are read: the reading thread only
     * reads and validates, so reading, preparing (rows and events) and storing use the cores side by side.
     */
    private <T> CompletableFuture<BatchOutcome> writeAsync(IngestKind<T> kind, List<Normalized<T>> batch,
                                                           StoreOrder.Turn turn) {
        return CompletableFuture.supplyAsync(() -> writer.write(kind, batch, false, turn), writes);
    }

    private static BatchOutcome await(CompletableFuture<BatchOutcome> write) {
        try {
            return write.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IngestFailure failure ? failure : e;
        }
    }

    private static long logProgress(String importId, Tally tally, long started, long lastProgress) {
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_EVERY_NANOS) {
            return lastProgress;
        }
        long done = tally.accepted + tally.rejected + tally.duplicates;
        log.info("import {}: {} lines so far ({} lines/s)", importId, done, done * 1_000_000_000L / (now - started));
        return now;
    }

    private static final class Tally {
        final int maxErrors;
        final List<FieldError> errors = new ArrayList<>();
        long accepted;
        long rejected;
        long duplicates;
        long omitted;

        Tally(int maxErrors) {
            this.maxErrors = maxErrors;
        }

        void add(BatchOutcome outcome) {
            if (outcome == null) {
                return;
            }
            accepted += outcome.accepted();
            duplicates += outcome.duplicates();
            rejected += outcome.rejected().size();
            for (List<FieldError> lineErrors : outcome.rejected()) {
                for (FieldError error : lineErrors) {
                    if (errors.size() < maxErrors) {
                        errors.add(error);
                    } else {
                        omitted++;
                    }
                }
            }
        }
    }
}
