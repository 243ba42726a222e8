package io.keliu.ingest.pipeline;

import java.util.Arrays;

/**
 * A change event rendered ahead, while the batch is prepared, as if its record were new: {@code "before":null}.
 * Most changes are new rows and go out exactly so; an update gets its "before" spliced in once the database has
 * returned the previous row.
 *
 * @param partitionKey the Kafka message key
 * @param asNew        the whole event JSON with {@code "before":null}
 * @param beforeAt     where the {@code null} of "before" starts in {@code asNew}
 */
record PreparedEvent(String partitionKey, byte[] asNew, int beforeAt) {
    private static final int NULL_LENGTH = 4;
    private static final int AFTER_NAME_LENGTH = ",\"after\":".length();

    /** The event with {@code before} (JSON) in place of null. */
    byte[] withBefore(byte[] before) {
        int tail = asNew.length - beforeAt - NULL_LENGTH;
        byte[] event = Arrays.copyOf(asNew, beforeAt + before.length + tail);
        System.arraycopy(before, 0, event, beforeAt, before.length);
        System.arraycopy(asNew, beforeAt + NULL_LENGTH, event, beforeAt + before.length, tail);
        return event;
    }

    /** The record as JSON: the event's "after". */
    byte[] after() {
        return Arrays.copyOfRange(asNew, beforeAt + NULL_LENGTH + AFTER_NAME_LENGTH, asNew.length - 1);
    }
}
