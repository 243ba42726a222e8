package io.keliu.ingest.records;

import java.util.function.Supplier;

/**
 * One record as the source wrote it: text per field, before any validation. Blank text counts as absent.
 *
 * @param values  indexed like the kind's {@link FieldSet}; null where the source had no value
 * @param origin  where it came from, kept with a dead letter: "topic-partition@offset", or "import ID"
 * @param line    the physical line in an imported file, 0 for a Kafka record
 * @param payload the original text, made only when a dead letter needs it
 */
public record RawRecord(String[] values, String origin, long line, Supplier<String> payload) {

    public String value(int field) {
        String text = values[field];
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Where the record came from, without its content: what an accepted record keeps of its source. */
    public RawRecord location() {
        return new RawRecord(null, origin, line, null);
    }

    /** A record that could not even be split into fields (broken JSON, wrong column count, bad bytes). */
    public static RawRecord unreadable(int fieldCount, String origin, long line, Supplier<String> payload) {
        return new RawRecord(new String[fieldCount], origin, line, payload);
    }
}
