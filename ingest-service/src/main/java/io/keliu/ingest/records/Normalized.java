package io.keliu.ingest.records;

import io.keliu.contracts.v1.FieldError;

import java.util.List;

/**
 * What validation made of a raw record: the clean value, or every reason it was rejected (never both). Only a rejected
 * record keeps its raw content (for the dead letter); an accepted one keeps just where it came from, so that a batch
 * of accepted records holds no source bytes.
 */
public record Normalized<T>(T value, List<FieldError> errors, RawRecord raw) {

    public static <T> Normalized<T> accepted(T value, RawRecord raw) {
        return new Normalized<>(value, List.of(), raw.location());
    }

    public static <T> Normalized<T> rejected(List<FieldError> errors, RawRecord raw) {
        return new Normalized<>(null, List.copyOf(errors), raw);
    }

    /** A record whose bytes could not be split into fields: one error for the whole record. */
    public static <T> Normalized<T> unreadable(FieldSet fields, String origin, long line, UnreadableRecord failure) {
        return rejected(List.of(new FieldError(line, null, "the record " + failure.getMessage())),
                RawRecord.unreadable(fields.size(), origin, line, failure.payload()));
    }

    public boolean isAccepted() {
        return value != null;
    }
}
