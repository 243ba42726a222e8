package io.keliu.profile.feedback;

import io.keliu.contracts.v1.Feedback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Writes {@code profiles.feedback}. */
@Repository
class FeedbackStore {
    private final JdbcTemplate jdbc;

    FeedbackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(Collection<Feedback> cases) {
        jdbc.batchUpdate("""
                INSERT INTO profiles.feedback (feedback_id, user_id, order_id, kind, channel, rating, text, created_at,
                    status, resolved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (feedback_id) DO UPDATE SET user_id = excluded.user_id, order_id = excluded.order_id,
                    kind = excluded.kind, channel = excluded.channel, rating = excluded.rating, text = excluded.text,
                    created_at = excluded.created_at, status = excluded.status, resolved_at = excluded.resolved_at""",
                List.copyOf(cases), 1000, (ps, c) -> {
                    ps.setString(1, c.feedbackId());
                    ps.setString(2, c.userId());
                    ps.setString(3, c.orderId());
                    ps.setString(4, c.kind().name());
                    ps.setString(5, c.channel() == null ? null : c.channel().name());
                    ps.setObject(6, c.rating(), Types.SMALLINT);
                    ps.setString(7, c.text());
                    ps.setTimestamp(8, timestamp(c.createdAt()));
                    ps.setString(9, c.status().name());
                    ps.setTimestamp(10, timestamp(c.resolvedAt()));
                });
    }

    void truncate() {
        jdbc.execute("TRUNCATE profiles.feedback");
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
