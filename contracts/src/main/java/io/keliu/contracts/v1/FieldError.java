package io.keliu.contracts.v1;

/**
 * Why a record was rejected: the field at fault (null when the whole record is) and a sentence the user can act on.
 *
 * @param line the physical line of an imported file (the header is line 1), 0 for records from a topic
 */
public record FieldError(long line, String field, String reason) {

    public FieldError atLine(long physicalLine) {
        return new FieldError(physicalLine, field, reason);
    }

    public String describe() {
        return field == null ? reason : field + ": " + reason;
    }
}
