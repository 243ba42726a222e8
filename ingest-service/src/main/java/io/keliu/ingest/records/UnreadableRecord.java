package io.keliu.ingest.records;

import java.util.function.Supplier;

/** The bytes of a record could not be split into fields; the message completes "the record …". */
public class UnreadableRecord extends RuntimeException {
    private final transient Supplier<String> payload;

    public UnreadableRecord(String message, Supplier<String> payload) {
        super(message, null, false, false);
        this.payload = payload;
    }

    public Supplier<String> payload() {
        return payload;
    }
}
