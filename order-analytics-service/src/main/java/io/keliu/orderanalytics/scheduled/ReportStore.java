package io.keliu.orderanalytics.scheduled;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
public class ReportStore {
    private final JdbcTemplate jdbc;

    public ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Summary(String id, String kind, Instant from, Instant to, Instant createdAt) {
    }

    /** Stores a report; a report made again for the same id replaces it. */
    public void save(String id, String kind, Instant from, Instant to, Instant createdAt, String json) {
        jdbc.update("""
                INSERT INTO reports (id, kind, period_from, period_to, created_at, body) VALUES (?,?,?,?,?,?::jsonb)
                ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, body = excluded.body""",
                id, kind, Timestamp.from(from), Timestamp.from(to), Timestamp.from(createdAt), json);
    }

    /** @param kind daily, weekly or custom; null for all */
    public List<Summary> list(String kind, int limit) {
        return jdbc.query("SELECT id, kind, period_from, period_to, created_at FROM reports"
                        + " WHERE ?::text IS NULL OR kind = ? ORDER BY created_at DESC, id LIMIT ?",
                (row, n) -> new Summary(row.getString("id"), row.getString("kind"),
                        row.getTimestamp("period_from").toInstant(), row.getTimestamp("period_to").toInstant(),
                        row.getTimestamp("created_at").toInstant()), kind, kind, limit);
    }

    public Optional<String> body(String id) {
        return jdbc.query("SELECT body::text FROM reports WHERE id = ?", (row, n) -> row.getString(1), id)
                .stream().findFirst();
    }
}
