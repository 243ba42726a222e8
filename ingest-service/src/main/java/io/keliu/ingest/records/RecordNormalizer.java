package io.keliu.ingest.records;

import io.keliu.contracts.v1.Timestamps;

import java.time.Clock;

/**
 * A normalizer that reads one kind of record field by field: it gives {@link #read} a {@link FieldReader} and turns
 * the outcome into an accepted record, or a rejection with every fault the reader collected.
 */
public abstract class RecordNormalizer<T> implements Normalizer<T> {
    private final FieldSet fields;
    private final Timestamps timestamps;
    private final Clock clock;

    protected RecordNormalizer(FieldSet fields, Timestamps timestamps, Clock clock) {
        this.fields = fields;
        this.timestamps = timestamps;
        this.clock = clock;
    }

    @Override
    public final Normalized<T> normalize(RawRecord raw) {
        FieldReader in = new FieldReader(fields, raw, timestamps, clock.instant());
        T value = read(in);
        return in.hasErrors() ? Normalized.rejected(in.errors(), raw) : Normalized.accepted(value, raw);
    }

    /** The record, or anything (null included) once {@code in} has collected an error. */
    protected abstract T read(FieldReader in);
}
