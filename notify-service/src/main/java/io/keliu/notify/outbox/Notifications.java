package io.keliu.notify.outbox;

import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.web.InvalidField;
import io.keliu.notify.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The delivery log, retries a person asks for, and sends that must happen now (test sends). */
@Service
public class Notifications {
    public static final int MAX_LIMIT = 1000;
    /** A send-now notification is due only this late, so that the background sender leaves it to its caller. */
    private static final Duration RESERVED = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxStore store;
    private final OutboxSender sender;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Notifications(JdbcClient jdbc, JsonMapper json, OutboxStore store, OutboxSender sender,
                         TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
        this.sender = sender;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Commits the notification, sends it at once and returns it as the log shows it. */
    public NotificationView sendNow(NewNotification notification) {
        Instant now = clock.instant();
        UUID id = transaction.execute(status -> store.enqueue(List.of(notification), now, now.plus(RESERVED))
                .getFirst());
        sender.sendNow(id);
        return get(id);
    }

    public NotificationView get(UUID id) {
        List<NotificationView> found = query("where id = :id", Map.of("id", id), 1);
        if (found.isEmpty()) {
            throw new NotFound("no notification " + id);
        }
        return found.getFirst();
    }

    public List<NotificationView> search(NotificationStatus status, ChannelKind channel, Instant from, Instant to,
                                         int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidField("from", "must be before 'to'");
        }
        StringBuilder where = new StringBuilder("where true");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (channel != null) {
            where.append(" and channel = :channel");
            params.put("channel", channel.name());
        }
        if (from != null) {
            where.append(" and created_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and created_at < :to");
            params.put("to", Timestamp.from(to));
        }
        return query(where.toString(), params, limit);
    }

    /** Sends a DEAD or UNKNOWN notification again, with a fresh set of attempts. */
    public NotificationView retry(UUID id) {
        NotificationView current = get(id);
        if (!transaction.execute(status -> store.retry(id, clock.instant()))) {
            throw new InvalidField("id", "notification " + id + " is " + current.status()
                    + "; only DEAD and UNKNOWN notifications can be retried");
        }
        sender.wake();
        return get(id);
    }

    private List<NotificationView> query(String where, Map<String, Object> params, int limit) {
        List<NotificationView> rows = jdbc.sql("select * from notifications " + where
                        + " order by created_at desc, id limit :limit")
                .params(params).param("limit", limit)
                .query(this::row).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<NotificationView.AttemptView>> attempts = new HashMap<>();
        jdbc.sql("select * from attempts where notification_id = any(:ids) order by id")
                .param("ids", rows.stream().map(NotificationView::id).toArray(UUID[]::new))
                .query(row -> {
                    Instant started = row.getTimestamp("started_at").toInstant();
                    Instant finished = row.getTimestamp("finished_at").toInstant();
                    attempts.computeIfAbsent(row.getObject("notification_id", UUID.class), k -> new ArrayList<>())
                            .add(new NotificationView.AttemptView(row.getInt("attempt"), started, finished,
                                    Duration.between(started, finished).toMillis(), row.getString("outcome"),
                                    row.getString("code"), row.getString("answer")));
                });
        return rows.stream().map(view -> new NotificationView(view.id(), view.subscriptionId(), view.groupKey(),
                view.channel(), view.recipient(), view.alertIds(), view.dedupeKeys(), view.subject(), view.status(),
                view.attempts(), attempts.getOrDefault(view.id(), List.of()), view.providerId(),
                view.providerAnswer(), view.lastError(), view.createdAt(), view.nextAttemptAt(), view.sentAt(),
                view.mergedInto())).toList();
    }

    private NotificationView row(ResultSet row, int rowNumber) throws SQLException {
        Content content = json.readValue(row.getString("content"), Content.class);
        return new NotificationView(row.getObject("id", UUID.class), row.getObject("subscription_id", UUID.class),
                row.getString("group_key"), ChannelKind.valueOf(row.getString("channel")),
                row.getString("recipient_masked"), strings(row.getArray("alert_ids")),
                strings(row.getArray("dedupe_keys")), content.subject(),
                NotificationStatus.valueOf(row.getString("status")), row.getInt("attempts"), List.of(),
                row.getString("provider_id"), row.getString("provider_answer"), row.getString("last_error"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("next_attempt_at")),
                instant(row.getTimestamp("sent_at")), row.getObject("merged_into", UUID.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
