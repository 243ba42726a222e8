package io.keliu.ingest.deadletter;

import io.keliu.contracts.v1.DeadLetter;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps rejected records in {@code ingest.dead_letters}, in the same transaction as the batch they came with: one row
 * per kind and content, so a redelivered record or a re-imported file adds none; the row then names the latest source
 * and line, so that an import's id finds all the lines it rejected.
 */
@Component
public class DeadLetterStore {
    /** A 10 MB line is kept in part; its length is stated in the reason. PostgreSQL text could hold it, but no one
     *  reads a 10 MB record to fix it, and it would make every dead-letter query slow. */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    private static final String INSERT = "INSERT INTO ingest.dead_letters (kind, source, line, payload, reason, "
            + "received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, payload_md5) DO UPDATE SET source = "
            + "excluded.source, line = excluded.line, reason = excluded.reason, received_at = excluded.received_at";
    /** The same content in two transactions at once: both take its row lock in this order, so neither deadlocks. */
    private static final Comparator<DeadLetter> LOCK_ORDER = Comparator.comparing(DeadLetter::kind)
            .thenComparing(DeadLetter::payload);

    public void save(Connection connection, List<DeadLetter> letters) throws SQLException {
        if (letters.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (DeadLetter letter : letters.stream().sorted(LOCK_ORDER).toList()) {
                insert.setString(1, letter.kind());
                insert.setString(2, letter.source());
                long line = letter.errors().isEmpty() ? 0 : letter.errors().getFirst().line();
                if (line > 0) {
                    insert.setLong(3, line);
                } else {
                    insert.setNull(3, java.sql.Types.BIGINT);
                }
                insert.setString(4, letter.payload());
                insert.setString(5, letter.reason());
                insert.setTimestamp(6, Timestamp.from(letter.receivedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The payload as it is kept: at most {@link #MAX_PAYLOAD_CHARS}, without NUL characters PostgreSQL refuses. */
    public static String keepable(String payload) {
        String text = payload == null ? "" : payload.replace("\u0000", "\\u0000");
        return text.length() <= MAX_PAYLOAD_CHARS ? text : text.substring(0, MAX_PAYLOAD_CHARS);
    }
}
