package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.DeadLetter;
import io.keliu.contracts.v1.FieldError;
import io.keliu.ingest.deadletter.DeadLetterStore;
import io.keliu.ingest.records.RawRecord;
import io.keliu.ingest.store.UpsertStore.StagedRow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch with all the work that needs no database done: one version per key, its COPY row and its change event
 * rendered ahead, and the dead letters. Prepared on the thread that reads the records, so the database writer only
 * stores, publishes and commits. It holds bytes, not the records themselves: a batch waits for the writer long enough
 * for the garbage collector to copy it, and a few arrays per record copy far faster than a graph of objects.
 *
 * @param size       how many records came in (accepted, rejected and superseded ones)
 * @param records    the version of each key the batch stores, one per key
 * @param superseded per key, how many earlier versions in the batch the stored one replaced
 */
public record PreparedBatch<T>(IngestKind<T> kind, int size, List<PreparedRecord> records,
                               Map<String, Integer> superseded, List<DeadLetter> deadLetters, Instant preparedAt) {

    /**
     * A record the batch stores.
     *
     * @param event  its change event, should the table take it
     * @param source where it came from (for a dead letter should the database refuse it)
     */
    public record PreparedRecord(String identity, byte[] row, PreparedEvent event, RawRecord source)
            implements StagedRow {
    }

    /** The stored records in two halves; the dead letters, and the count of records that are neither, go first. */
    List<PreparedBatch<T>> halves() {
        List<PreparedRecord> second = records.subList(records.size() / 2, records.size());
        PreparedBatch<T> secondHalf = subset(second, List.of(), recordsOf(second));
        PreparedBatch<T> firstHalf = subset(records.subList(0, records.size() / 2), deadLetters,
                size - secondHalf.size);
        return List.of(firstHalf, secondHalf);
    }

    /**
     * This batch of one stored record as a dead letter: validation let through something PostgreSQL refuses (a
     * constraint added to the table, a value outside a type's range; the reason is the database's own), or something
     * ingest itself fails on.
     */
    PreparedBatch<T> refused(String reason) {
        PreparedRecord record = records.getFirst();
        List<DeadLetter> letters = new ArrayList<>(deadLetters);
        letters.add(new DeadLetter(kind.name(), record.source().origin(),
                DeadLetterStore.keepable(new String(record.event().after(), StandardCharsets.UTF_8)),
                List.of(new FieldError(record.source().line(), null, reason)),
                preparedAt));
        return new PreparedBatch<>(kind, size, List.of(), Map.of(), letters, preparedAt);
    }

    private int recordsOf(List<PreparedRecord> part) {
        return part.size() + part.stream().mapToInt(r -> superseded.getOrDefault(r.identity(), 0)).sum();
    }

    private PreparedBatch<T> subset(List<PreparedRecord> part, List<DeadLetter> letters, int count) {
        return new PreparedBatch<>(kind, count, part, superseded, letters, preparedAt);
    }
}
