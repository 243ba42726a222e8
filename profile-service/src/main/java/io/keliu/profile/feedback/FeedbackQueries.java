package io.keliu.profile.feedback;

import io.keliu.contracts.v1.FeedbackKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code profiles.feedback}. */
@Repository
public class FeedbackQueries {
    private static final int RECENT = 10;

    private final JdbcClient jdbc;

    FeedbackQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's interactions, or null when they have none. */
    public Interactions interactionsOf(String userId) {
        Map<String, Integer> byKind = new TreeMap<>();
        jdbc.sql("SELECT kind, count(*) FROM profiles.feedback WHERE user_id = ? GROUP BY kind").param(userId)
                .query(row -> {
                    byKind.put(row.getString(1), row.getInt(2));
                });
        if (byKind.isEmpty()) {
            return null;
        }
        return jdbc.sql("""
                        SELECT count(*), avg(rating)::float8, count(rating),
                               count(*) FILTER (WHERE kind = 'COMPLAINT'),
                               count(*) FILTER (WHERE kind = 'COMPLAINT' AND status <> 'RESOLVED')
                        FROM profiles.feedback WHERE user_id = ?""")
                .param(userId)
                .query((row, n) -> new Interactions(row.getInt(1), byKind, (Double) row.getObject(2), row.getInt(3),
                        row.getInt(4), row.getInt(5), recent(userId)))
                .single();
    }

    private List<Interactions.Interaction> recent(String userId) {
        return jdbc.sql("""
                        SELECT feedback_id, kind, channel, rating, status, created_at, resolved_at, order_id, text
                        FROM profiles.feedback WHERE user_id = ? ORDER BY created_at DESC, feedback_id LIMIT ?""")
                .param(userId).param(RECENT)
                .query((row, n) -> interaction(row)).list();
    }

    /**
     * Cases raised in [from, to) per bucket ({@code day} or {@code hour} of the zone, by its local start) and kind;
     * buckets without a case are left out.
     */
    Map<LocalDateTime, Map<FeedbackKind, Long>> countsByKind(Instant from, Instant to, String unit, ZoneId zone) {
        Map<LocalDateTime, Map<FeedbackKind, Long>> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc(:unit, created_at AT TIME ZONE :zone) AS bucket, kind, count(*)
                        FROM profiles.feedback WHERE created_at >= :from AND created_at < :to
                        GROUP BY 1, 2""")
                .param("unit", unit).param("zone", zone.getId())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(row -> {
                    counts.computeIfAbsent(row.getObject(1, LocalDateTime.class), bucket -> new EnumMap<>(
                            FeedbackKind.class)).put(FeedbackKind.valueOf(row.getString(2)), row.getLong(3));
                });
        return counts;
    }

    static Interactions.Interaction interaction(ResultSet row) throws SQLException {
        return new Interactions.Interaction(row.getString("feedback_id"), row.getString("kind"),
                row.getString("channel"), (Integer) row.getObject("rating"), row.getString("status"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("resolved_at")),
                row.getString("order_id"), row.getString("text"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
