package io.keliu.contracts.v1;

import java.time.Instant;
import java.util.List;

/**
 * A record ingest could not accept, kept with the reason so that nothing is lost.
 *
 * @param source  where it came from: a topic-partition@offset, or an import id with its line
 * @param payload the original record, as UTF-8 text; bytes that are not UTF-8 are replaced and noted in the errors
 */
public record DeadLetter(String kind, String source, String payload, List<FieldError> errors, Instant receivedAt) {

    public String reason() {
        return String.join("; ", errors.stream().map(FieldError::describe).toList());
    }
}
