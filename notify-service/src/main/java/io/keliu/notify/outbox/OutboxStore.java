package io.keliu.notify.outbox;

import io.keliu.notify.channels.ChannelKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The outbox table and its attempts. */
@Repository
public class OutboxStore {
    private static final String CLAIMED_COLUMNS = "id, channel, recipient, recipient_hash, content, attempts, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public OutboxStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Commits notifications as PENDING, due now; runs in the caller's transaction. */
    public List<UUID> enqueue(Collection<NewNotification> notifications, Instant now) {
        return enqueue(notifications, now, now);
    }

    List<UUID> enqueue(Collection<NewNotification> notifications, Instant now, Instant due) {
        return notifications.stream().map(notification -> {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into notifications (id, subscription_id, group_key, channel, recipient, recipient_hash,
                                recipient_masked, alert_ids, dedupe_keys, content, status, next_attempt_at, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?, ?)""")
                    .params(id, notification.subscriptionId(), notification.groupKey(), notification.channel().name(),
                            notification.sealedRecipient(), notification.recipientHash(),
                            notification.maskedRecipient(), notification.alertIds().toArray(String[]::new),
                            notification.dedupeKeys().toArray(String[]::new),
                            json.writeValueAsString(notification.content()), Timestamp.from(due), Timestamp.from(now))
                    .update();
            return id;
        }).toList();
    }

    /** Takes up to {@code limit} due notifications for an attempt (SENDING, committed before any provider call). */
    @Transactional
    List<Claimed> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        update notifications set status = 'SENDING', claimed_at = :now, attempts = attempts + 1
                        where id in (select id from notifications
                                     where status = 'PENDING' and next_attempt_at <= :now
                                     order by next_attempt_at limit :limit for update skip locked)
                        returning""" + " " + CLAIMED_COLUMNS)
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(this::claimed).list();
    }

    /** Takes one notification for an attempt now, whatever its state but SENT or SENDING (test sends, retries). */
    @Transactional
    List<Claimed> claim(UUID id, Instant now) {
        return jdbc.sql("update notifications set status = 'SENDING', claimed_at = :now, attempts = attempts + 1"
                        + " where id = :id and status in ('PENDING', 'DEAD', 'UNKNOWN') returning " + CLAIMED_COLUMNS)
                .param("now", Timestamp.from(now)).param("id", id)
                .query(this::claimed).list();
    }

    /** Notifications left SENDING since before {@code claimedBefore}: their process stopped during the call. */
    @Transactional
    List<Claimed> interrupted(Instant claimedBefore, int limit) {
        return jdbc.sql("select " + CLAIMED_COLUMNS + " from notifications where status = 'SENDING'"
                        + " and claimed_at < ? order by claimed_at limit ? for update skip locked")
                .params(Timestamp.from(claimedBefore), limit)
                .query(this::claimed).list();
    }

    void sent(UUID id, Instant at, String providerId, String answer, UUID mergedInto) {
        jdbc.sql("""
                        update notifications set status = 'SENT', sent_at = ?, provider_id = ?, provider_answer = ?,
                            last_error = null, merged_into = ? where id = ?""")
                .params(Timestamp.from(at), providerId, answer, mergedInto, id).update();
    }

    void retryAt(UUID id, Instant next, String error) {
        jdbc.sql("update notifications set status = 'PENDING', next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(next), error, id).update();
    }

    /** Puts a claimed notification back without counting the attempt (the robot had no room this minute). */
    void postpone(UUID id, Instant next) {
        jdbc.sql("update notifications set status = 'PENDING', next_attempt_at = ?, attempts = attempts - 1 where id = ?")
                .params(Timestamp.from(next), id).update();
    }

    void finish(UUID id, NotificationStatus status, String answer, String error) {
        jdbc.sql("update notifications set status = ?, provider_answer = ?, last_error = ? where id = ?")
                .params(status.name(), answer, error, id).update();
    }

    void attempt(UUID id, int attempt, Instant started, Instant finished, String outcome, String code, String answer) {
        jdbc.sql("""
                        insert into attempts (notification_id, attempt, started_at, finished_at, outcome, code, answer)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, attempt, Timestamp.from(started), Timestamp.from(finished), outcome, code, answer)
                .update();
    }

    /** A dead or unknown notification back to PENDING with a fresh set of attempts; false if it is neither. */
    boolean retry(UUID id, Instant now) {
        return jdbc.sql("""
                        update notifications set status = 'PENDING', attempts = 0, next_attempt_at = ?
                        where id = ? and status in ('DEAD', 'UNKNOWN')""")
                .params(Timestamp.from(now), id).update() > 0;
    }

    private Claimed claimed(ResultSet row, int rowNumber) throws SQLException {
        return new Claimed(row.getObject("id", UUID.class), ChannelKind.valueOf(row.getString("channel")),
                row.getString("recipient"), row.getString("recipient_hash"),
                json.readValue(row.getString("content"), Content.class), row.getInt("attempts"),
                row.getTimestamp("created_at").toInstant());
    }
}
