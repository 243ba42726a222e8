package io.keliu.ingest.store;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 */
public final class UpsertStore<T> {
    private static final byte[] NEWLINE = {'\n'};

    private final TableSpec<T> spec;
    private final String stagingTable;
    private final String createStaging;
    private final String copy;
    private final String upsert;

    public UpsertStore(TableSpec<T> spec) {
        this.spec = spec;
        this.stagingTable = "staging_" + spec.table().replace('.', '_');
        String columns = String.join(", ", spec.columns());
        String keys = String.join(", ", spec.keyColumns());
        this.createStaging = "CREATE TEMP TABLE IF NOT EXISTS " + stagingTable + " AS SELECT " + columns
                + " FROM " + spec.table() + " WITH NO DATA";
        this.copy = "COPY " + stagingTable + " (" + columns + ") FROM STDIN (FORMAT csv)";
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
        Map<String, R> byIdentity = new HashMap<>(records.size() * 2);
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStaging);
            statement.execute("TRUNCATE " + stagingTable);
        }
        CopyIn staging = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            for (R staged : records) {
                byIdentity.put(staged.identity(), staged);
                staging.writeToCopy(staged.row(), 0, staged.row().length);
                staging.writeToCopy(NEWLINE, 0, 1);
            }
            staging.endCopy();
        } finally {
            if (staging.isActive()) {
                staging.cancelCopy();
            }
        }
        return readChanges(connection, byIdentity);
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
