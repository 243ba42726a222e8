package io.keliu.ingest.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * How one kind of record maps to its table: columns in COPY order, the key, and which version wins a conflict.
 *
 * @param <T> the contract record stored in the table
 */
public interface TableSpec<T> {

    /** Schema-qualified table name. */
    String table();

    /** Every stored column, in the order {@link #write} writes them; the key columns come first. */
    List<String> columns();

    List<String> keyColumns();

    /**
     * Columns compared as a row to decide whether an incoming version may replace the stored one (it may when it is
     * greater or equal and differs). Empty for immutable records: the first version stays.
     */
    List<String> versionColumns();

    /** Orders two versions of the same record the same way the version columns do. */
    Comparator<T> versionOrder();

    void write(T record, CopyRow row);

    /** Reads a record back from {@code columns().size()} result columns starting at {@code first} (1-based). */
    T read(ResultSet row, int first) throws SQLException;

    /** The key as one string; equal for two versions of the same record. */
    String identity(T record);
}
