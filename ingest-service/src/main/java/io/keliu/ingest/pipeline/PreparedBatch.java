package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.DeadLetter;
import io.keliu.ingest.store.UpsertStore.Staged;

import java.time.Instant;
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
 */
public record PreparedBatch<T>(IngestKind<T> kind, int size, Map<String, Staged<T>> latest,
                               Map<String, Integer> superseded, Map<String, RenderedEvent> events,
                               List<DeadLetter> deadLetters, Instant preparedAt) {

    /** @param afterJson the record as JSON, the event's "after" */
    public record RenderedEvent(String eventId, String eventKey, byte[] afterJson) {
    }
}
