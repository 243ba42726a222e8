package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of each record of a batch; every record is counted exactly once.
 *
 * @param accepted   records that changed the system of record (inserted, or a newer version of a stored record)
 * @param duplicates records already stored as they are, or older than the stored version
 * @param rejected   the errors of each rejected record
 */
public record BatchOutcome(long accepted, long duplicates, List<List<FieldError>> rejected) {

    BatchOutcome plus(BatchOutcome other) {
        List<List<FieldError>> both = new ArrayList<>(rejected);
        both.addAll(other.rejected);
        return new BatchOutcome(accepted + other.accepted, duplicates + other.duplicates, both);
    }
}
