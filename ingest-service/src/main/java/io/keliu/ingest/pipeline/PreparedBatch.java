package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.DeadLetter;
import io.keliu.contracts.v1.FieldError;
import io.keliu.ingest.deadletter.DeadLetterStore;
import io.keliu.ingest.records.RawRecord;
import io.keliu.ingest.store.UpsertStore.Staged;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch with all the work that needs no database done: one version per key, COPY rows, the "after" part and id
 * of each would-be change event, and the dead letters. Prepared on the thread that reads the records, so the
 * database writer only stores, publishes and commits.
 *
 * @param size       how many records came in (accepted, rejected and superseded ones)
 * @param latest     the version of each key the batch stores
 * @param superseded per key, how many earlier versions in the batch the stored one replaced
 * @param events     per key, the rendered event parts
 * @param sources    per key, where the stored version came from (for a dead letter should the database refuse it)
 */
public record PreparedBatch<T>(IngestKind<T> kind, int size, Map<String, Staged<T>> latest,
                               Map<String, Integer> superseded, Map<String, RenderedEvent> events,
                               Map<String, RawRecord> sources, List<DeadLetter> deadLetters, Instant preparedAt) {

    /** @param afterJson the record as JSON, the event's "after" */
    public record RenderedEvent(String eventId, String eventKey, byte[] afterJson) {
    }

    /** The stored records in two halves; the dead letters, and the count of records that are neither, go first. */
    List<PreparedBatch<T>> halves() {
        List<String> keys = new ArrayList<>(latest.keySet());
        List<String> second = keys.subList(keys.size() / 2, keys.size());
        PreparedBatch<T> secondHalf = subset(second, List.of(), recordsOf(second));
        PreparedBatch<T> firstHalf = subset(keys.subList(0, keys.size() / 2), deadLetters, size - secondHalf.size);
        return List.of(firstHalf, secondHalf);
    }

    /**
     * This batch of one stored record as a dead letter: validation let through something PostgreSQL refuses (a
     * constraint added to the table, a value outside a type's range); the reason is the database's own.
     */
    PreparedBatch<T> refused(String reason) {
        String key = latest.keySet().iterator().next();
        RawRecord source = sources.get(key);
        List<DeadLetter> letters = new ArrayList<>(deadLetters);
        letters.add(new DeadLetter(kind.name(), source.origin(),
                DeadLetterStore.keepable(new String(events.get(key).afterJson(), StandardCharsets.UTF_8)),
                List.of(new FieldError(source.line(), null, "the database refused the record: " + reason)),
                preparedAt));
        return new PreparedBatch<>(kind, size, Map.of(), Map.of(), Map.of(), Map.of(), letters, preparedAt);
    }

    private int recordsOf(List<String> keys) {
        return keys.size() + keys.stream().mapToInt(key -> superseded.getOrDefault(key, 0)).sum();
    }

    private PreparedBatch<T> subset(List<String> keys, List<DeadLetter> letters, int count) {
        Map<String, Staged<T>> part = new LinkedHashMap<>();
        keys.forEach(key -> part.put(key, latest.get(key)));
        return new PreparedBatch<>(kind, count, part, superseded, events, sources, letters, preparedAt);
    }
}
