package io.keliu.ingest.pipeline;

import io.keliu.ingest.records.FieldSet;
import io.keliu.ingest.records.Normalizer;
import io.keliu.ingest.store.UpsertStore;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the pipeline needs to know about one kind of record (orders, profiles, logs, feedback): its fields, how
 * to validate it, where it is stored, which topics it comes from and goes to.
 *
 * @param eventKey     the record's identity in change events
 * @param partitionKey the Kafka message key of its change events
 * @param fileKeys     a fresh {@link FileKeys} for each imported file
 */
public record IngestKind<T>(
        String name,
        FieldSet fields,
        Normalizer<T> normalizer,
        UpsertStore<T> store,
        String rawTopic,
        String changeTopic,
        Function<T, String> eventKey,
        Function<T, String> partitionKey,
        Supplier<FileKeys<T>> fileKeys) {

    /** A kind whose records carry their key in every file. */
    public IngestKind(String name, FieldSet fields, Normalizer<T> normalizer, UpsertStore<T> store, String rawTopic,
                      String changeTopic, Function<T, String> eventKey, Function<T, String> partitionKey) {
        this(name, fields, normalizer, store, rawTopic, changeTopic, eventKey, partitionKey, FileKeys::given);
    }
}
