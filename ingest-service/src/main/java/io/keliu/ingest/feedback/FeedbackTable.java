package io.keliu.ingest.feedback;

import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.FeedbackChannel;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.ingest.store.CopyRow;
import io.keliu.ingest.store.TableSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static io.keliu.ingest.store.Columns.instant;
import static io.keliu.ingest.store.Columns.integer;
import static io.keliu.ingest.store.Columns.word;

/**
 * {@code ingest.feedback}. A version is ordered by (version_at, status_rank): the source's updated_at, or else the
 * later of created_at and resolved_at; then how far the case has got. So a "resolved" that arrives before its
 * "in progress" is never overwritten by it.
 */
final class FeedbackTable implements TableSpec<Feedback> {
    private static final List<String> COLUMNS = List.of("feedback_id", "user_id", "order_id", "kind", "channel",
            "rating", "text", "created_at", "status", "resolved_at", "updated_at", "version_at", "status_rank");
    private static final Comparator<Feedback> VERSION_ORDER = Comparator.comparing(FeedbackTable::versionAt)
            .thenComparing(Feedback::status);

    @Override
    public String table() {
        return "ingest.feedback";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> keyColumns() {
        return List.of("feedback_id");
    }

    @Override
    public List<String> versionColumns() {
        return List.of("version_at", "status_rank");
    }

    @Override
    public Comparator<Feedback> versionOrder() {
        return VERSION_ORDER;
    }

    static Instant versionAt(Feedback feedback) {
        if (feedback.updatedAt() != null) {
            return feedback.updatedAt();
        }
        return feedback.resolvedAt() != null ? feedback.resolvedAt() : feedback.createdAt();
    }

    @Override
    public void write(Feedback feedback, CopyRow row) {
        row.text(feedback.feedbackId()).text(feedback.userId()).text(feedback.orderId()).word(feedback.kind())
                .word(feedback.channel()).integer(feedback.rating()).text(feedback.text())
                .instant(feedback.createdAt()).word(feedback.status()).instant(feedback.resolvedAt())
                .instant(feedback.updatedAt()).instant(versionAt(feedback)).integer(feedback.status().ordinal());
    }

    @Override
    public Feedback read(ResultSet row, int first) throws SQLException {
        int c = first;
        return new Feedback(row.getString(c++), row.getString(c++), row.getString(c++),
                word(row, c++, FeedbackKind.class), word(row, c++, FeedbackChannel.class), integer(row, c++),
                row.getString(c++), instant(row, c++), word(row, c++, FeedbackStatus.class), instant(row, c++),
                instant(row, c));
    }

    @Override
    public String identity(Feedback feedback) {
        return feedback.feedbackId();
    }
}
