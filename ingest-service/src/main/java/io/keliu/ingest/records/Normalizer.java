package io.keliu.ingest.records;

/** Turns one raw record into a clean, typed record or the list of reasons it cannot be one. */
@FunctionalInterface
public interface Normalizer<T> {
    Normalized<T> normalize(RawRecord raw);
}
