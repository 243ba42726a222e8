package io.keliu.ingest.imports;

import io.keliu.contracts.v1.FieldError;

import java.util.List;

/**
 * The answer to an import: every data line of the file is counted once in accepted, rejected or duplicates.
 *
 * @param errors        one entry per fault of a rejected line (a line may have several), the first {@code maxErrors}
 * @param errorsOmitted faults beyond the cap; all rejected lines are kept in the dead-letter table under importId
 * @param duplicates    lines already stored as they are, or older than the stored version
 * @param repeatedRows  rows that read exactly like an earlier row of the file; each is kept as a line of its own (two
 *                      identical scans are real), but an accidental copy shows up here
 * @param repeatedRowLines the physical lines of the first repeated rows
 */
public record ImportSummary(long accepted, long rejected, long duplicates, List<FieldError> errors,
                            long errorsOmitted, long repeatedRows, List<Long> repeatedRowLines, String importId,
                            String kind, List<String> ignoredColumns, double seconds, long linesPerSecond) {
}
