package io.keliu.ingest.pipeline;

import io.keliu.ingest.records.RawRecord;

import java.util.List;

/**
 * Keys for the records of one imported file where the file leaves them implicit: the rows of an order that repeat a
 * product without a line_no are each a line of their own (docs/contracts.md). One instance per import, fed every
 * readable record in file order, so that a re-import gives every row the same key again.
 */
public interface FileKeys<T> {

    /**
     * @param record  the validated record, or null when validation rejected it (its key is taken all the same, so
     *                that correcting it and importing again leaves the keys of the rows after it as they were)
     * @param raw     the record's fields as the file wrote them
     * @param rowHash a hash of the row's text: equal for two rows that read the same
     * @param line    the row's physical line
     * @return the record as it is stored, with its key
     */
    T keyed(T record, RawRecord raw, long rowHash, long line);

    /** How many rows repeated an earlier row exactly (each still kept as a line of its own). */
    long repeatedRows();

    /** The physical lines of the first repeated rows. */
    List<Long> repeatedLines();

    /** For kinds whose records always carry their key. */
    static <T> FileKeys<T> given() {
        return new FileKeys<>() {
            @Override
            public T keyed(T record, RawRecord raw, long rowHash, long line) {
                return record;
            }

            @Override
            public long repeatedRows() {
                return 0;
            }

            @Override
            public List<Long> repeatedLines() {
                return List.of();
            }
        };
    }
}
