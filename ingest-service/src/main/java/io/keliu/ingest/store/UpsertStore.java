package io.keliu.ingest.store;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a batch of records with one COPY into a session-local staging table and one
 * {@code INSERT … ON CONFLICT DO UPDATE … WHERE newer RETURNING old.*}: the database keeps the newest version, and
 * hands back the previous state of exactly the rows it changed (PostgreSQL 18's RETURNING OLD), which becomes the
 * "before" of each change event. Rows that were identical or older than the stored version come back as nothing.
 * <p>
 * A batch whose keys the table does not hold yet (new orders: most batches) is copied straight into the table
 * instead: every row is then a new one, and PostgreSQL writes it once, in pages, instead of staging, sorting and
 * inserting it row by row. Should another transaction store one of its keys meanwhile, the copy fails on the key and
 * the batch goes the staging way after all.
 */
public final class UpsertStore<T> {
    private static final byte[] NEWLINE = {'\n'};
    /** unique_violation: a key stored by another transaction since this one looked. */
    private static final String KEY_TAKEN = "23505";
    private static final String DEADLOCK = "40P01";

    private final TableSpec<T> spec;
    private final String stagingTable;
    private final String createStaging;
    private final String copy;
    private final String upsert;
    private final String copyDirectly;
    private final String anyStored;

    public UpsertStore(TableSpec<T> spec) {
        this.spec = spec;
        this.stagingTable = "staging_" + spec.table().replace('.', '_');
        String columns = String.join(", ", spec.columns());
        String keys = String.join(", ", spec.keyColumns());
        this.createStaging = "CREATE TEMP TABLE IF NOT EXISTS " + stagingTable + " AS SELECT " + columns
                + " FROM " + spec.table() + " WITH NO DATA";
        this.copy = "COPY " + stagingTable + " (" + columns + ") FROM STDIN (FORMAT csv)";
        this.copyDirectly = "COPY " + spec.table() + " (" + columns + ") FROM STDIN (FORMAT csv)";
        this.anyStored = "SELECT EXISTS (SELECT 1 FROM unnest(" + String.join(", ",
                spec.keyColumns().stream().map(c -> "?::text[]").toList()) + ") AS k (" + keys + ") JOIN "
                + spec.table() + " t ON " + spec.keyColumns().stream().map(c -> "t." + c + " = k." + c)
                .collect(Collectors.joining(" AND ")) + ")";
        // Rows go in key order, so that two writers whose batches share keys (the consumer and an import) lock them
        // in the same order and never deadlock.
        this.upsert = "INSERT INTO " + spec.table() + " AS t (" + columns + ") SELECT " + columns + " FROM "
                + stagingTable + " ORDER BY " + keys + " ON CONFLICT (" + keys + ") "
                + conflictAction() + " RETURNING " + prefixed("new.", spec.keyColumns()) + ", "
                + prefixed("old.", spec.columns());
    }

    private String conflictAction() {
        if (spec.versionColumns().isEmpty()) {
            return "DO NOTHING";
        }
        List<String> values = spec.columns().stream().filter(c -> !spec.keyColumns().contains(c)).toList();
        return "DO UPDATE SET (" + String.join(", ", values) + ", ingested_at) = ROW("
                + prefixed("excluded.", values) + ", now()) WHERE ("
                + prefixed("excluded.", spec.versionColumns()) + ") >= (" + prefixed("t.", spec.versionColumns())
                + ") AND (" + prefixed("excluded.", values) + ") IS DISTINCT FROM (" + prefixed("t.", values) + ")";
    }

    private static String prefixed(String prefix, List<String> columns) {
        return columns.stream().map(c -> prefix + c).collect(Collectors.joining(", "));
    }

    /**
     * Stages and upserts the records (at most one per key) inside the caller's transaction. Rows stream into COPY one
     * by one: a batch never exists as one large buffer.
     *
     * @return one change per row the table took, in no particular order
     */
    public <R extends StagedRow> List<Change<T, R>> upsert(Connection connection, Collection<R> records)
            throws SQLException {
        if (records.isEmpty()) {
            return List.of();
        }
        List<Change<T, R>> inserted = insertIfAllNew(connection, records);
        if (inserted != null) {
            return inserted;
        }
        Map<String, R> byIdentity = new HashMap<>(records.size() * 2);
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStaging);
            statement.execute("TRUNCATE " + stagingTable);
        }
        for (R staged : records) {
            byIdentity.put(staged.identity(), staged);
        }
        copy(connection, copy, records);
        return readChanges(connection, byIdentity);
    }

    /**
     * Copies the records straight into the table when it holds none of their keys; null when it holds one, or
     * another transaction stored one before this copy got to it (the copy is then undone, nothing else).
     * Rows go in key order, as the upsert's do, so that two writers wait for each other's keys in one order.
     */
    private <R extends StagedRow> List<Change<T, R>> insertIfAllNew(Connection connection, Collection<R> records)
            throws SQLException {
        if (anyStored(connection, records)) {
            return null;
        }
        List<R> inKeyOrder = new ArrayList<>(records);
        inKeyOrder.sort((a, b) -> compareCodePoints(a.identity(), b.identity()));
        Savepoint beforeCopy = connection.setSavepoint();
        try {
            copy(connection, copyDirectly, inKeyOrder);
        } catch (SQLException e) {
            if (!KEY_TAKEN.equals(e.getSQLState()) && !DEADLOCK.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeCopy);
            return null;
        }
        connection.releaseSavepoint(beforeCopy);
        List<Change<T, R>> changes = new ArrayList<>(inKeyOrder.size());
        for (R record : inKeyOrder) {
            changes.add(new Change<>(null, record));
        }
        return changes;
    }

    private boolean anyStored(Connection connection, Collection<? extends StagedRow> records) throws SQLException {
        int keys = spec.keyColumns().size();
        String[][] columns = new String[keys][records.size()];
        int row = 0;
        for (StagedRow record : records) {
            String[] key = keys == 1 ? new String[] {record.identity()} : record.identity().split("\u0000", -1);
            for (int k = 0; k < keys; k++) {
                columns[k][row] = key[k];
            }
            row++;
        }
        try (PreparedStatement query = connection.prepareStatement(anyStored)) {
            for (int k = 0; k < keys; k++) {
                query.setArray(k + 1, connection.createArrayOf("text", columns[k]));
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Streams the rows into COPY one by one: a batch never exists as one large buffer. */
    private static void copy(Connection connection, String sql, Collection<? extends StagedRow> records)
            throws SQLException {
        CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            for (StagedRow record : records) {
                copyIn.writeToCopy(record.row(), 0, record.row().length);
                copyIn.writeToCopy(NEWLINE, 0, 1);
            }
            copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /** The order of text under collation "C" (UTF-8 bytes, i.e. code points), the key columns' collation. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private <R extends StagedRow> List<Change<T, R>> readChanges(Connection connection, Map<String, R> byIdentity)
            throws SQLException {
        List<Change<T, R>> changes = new ArrayList<>(byIdentity.size());
        int keys = spec.keyColumns().size();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(upsert)) {
            StringBuilder identity = new StringBuilder();
            while (result.next()) {
                identity.setLength(0);
                for (int k = 1; k <= keys; k++) {
                    identity.append(k > 1 ? "\u0000" : "").append(result.getString(k));
                }
                R after = byIdentity.get(identity.toString());
                boolean inserted = result.getObject(keys + 1) == null;
                changes.add(new Change<>(inserted ? null : spec.read(result, keys + 1), after));
            }
        }
        return changes;
    }

    public TableSpec<T> spec() {
        return spec;
    }

    /**
     * A record ready to stage: its key as one string ({@link TableSpec#identity}) and its COPY row in UTF-8
     * ({@link CopyRow}), which also stands for its content (two versions with equal rows are the same).
     */
    public interface StagedRow {
        String identity();

        byte[] row();
    }

    /** A row the table took: {@code before} is null for a new row. */
    public record Change<T, R extends StagedRow>(T before, R after) {
    }
}
