package io.keliu.analytics.io;

import io.keliu.contracts.v1.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an input file that were skipped, and why, in the words of the import's summary: one
 * {@link FieldError} per fault (a row may have several), the first {@link #MAX_ERRORS} listed, the rest counted.
 */
public final class Rejections {
    /** As many faults as an import lists (keliu.ingest.imports.max-errors). */
    public static final int MAX_ERRORS = 1_000;

    private final List<FieldError> errors = new ArrayList<>();
    private long rejected;
    private long errorsOmitted;

    /** Counts one rejected row with its faults. */
    public void reject(List<FieldError> faults) {
        rejected++;
        for (FieldError fault : faults) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(fault);
            } else {
                errorsOmitted++;
            }
        }
    }

    public void reject(FieldError fault) {
        reject(List.of(fault));
    }

    public long rejected() {
        return rejected;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public long errorsOmitted() {
        return errorsOmitted;
    }
}
