package io.keliu.notify.delivery;

import io.keliu.contracts.v1.Alert;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The alerts' latest states and the aggregation groups, in notify's schema. */
@Repository
class GroupStore {
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    GroupStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void saveAlert(Alert alert, Instant now) {
        jdbc.sql("""
                        insert into alerts (dedupe_key, alert, severity, status, labels, updated_at)
                        values (?, ?::jsonb, ?, ?, ?::jsonb, ?)
                        on conflict (dedupe_key) do update set alert = excluded.alert, severity = excluded.severity,
                            status = excluded.status, labels = excluded.labels, updated_at = excluded.updated_at""")
                .params(alert.dedupeKey(), json.writeValueAsString(alert), alert.severity().name(),
                        alert.status().name(), json.writeValueAsString(alert.labels() == null ? Map.of() : alert.labels()),
                        Timestamp.from(now))
                .update();
    }

    /**
     * Puts the alert in its group, creating the group (first flush after {@code groupWait}) or, when the alert is
     * new to the group or changed status, bringing the group's flush forward to {@code groupInterval} after its last.
     */
    void place(UUID subscription, String groupKey, Alert alert, Instant now, java.time.Duration groupWait,
               java.time.Duration groupInterval) {
        jdbc.sql("""
                        insert into groups (subscription_id, group_key, first_seen_at, next_flush_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(subscription, groupKey, Timestamp.from(now), Timestamp.from(now.plus(groupWait))).update();
        int changed = jdbc.sql("""
                        insert into group_alerts (subscription_id, group_key, dedupe_key, status) values (?, ?, ?, ?)
                        on conflict (subscription_id, group_key, dedupe_key) do update set status = excluded.status
                        where group_alerts.status <> excluded.status""")
                .params(subscription, groupKey, alert.dedupeKey(), alert.status().name()).update();
        if (changed > 0) {
            jdbc.sql("""
                            update groups set next_flush_at = least(next_flush_at, last_flush_at + ?::interval)
                            where subscription_id = ? and group_key = ? and last_flush_at is not null""")
                    .params(groupInterval.toMillis() + " milliseconds", subscription, groupKey).update();
        }
    }

    record DueGroup(UUID subscriptionId, String groupKey, Instant lastFlushAt) {
    }

    /** Groups due for a flush, locked for this transaction (other instances skip them). */
    List<DueGroup> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select subscription_id, group_key, last_flush_at from groups where next_flush_at <= ?
                        order by next_flush_at limit ? for update skip locked""")
                .params(Timestamp.from(now), limit)
                .query((row, i) -> new DueGroup(row.getObject("subscription_id", UUID.class),
                        row.getString("group_key"), row.getTimestamp("last_flush_at") == null ? null
                        : row.getTimestamp("last_flush_at").toInstant()))
                .list();
    }

    record Member(String dedupeKey, String status, String notifiedStatus, Alert alert) {
    }

    List<Member> members(UUID subscription, String groupKey) {
        return jdbc.sql("""
                        select g.dedupe_key, g.status, g.notified_status, a.alert from group_alerts g
                        join alerts a on a.dedupe_key = g.dedupe_key
                        where g.subscription_id = ? and g.group_key = ? order by g.dedupe_key""")
                .params(subscription, groupKey)
                .query((row, i) -> new Member(row.getString("dedupe_key"), row.getString("status"),
                        row.getString("notified_status"), json.readValue(row.getString("alert"), Alert.class)))
                .list();
    }

    /** The label sets of the CRITICAL alerts firing now: each mutes WARNING and INFO alerts with the same labels. */
    List<Map<String, String>> firingCriticalLabels() {
        return jdbc.sql("select labels from alerts where status = 'FIRING' and severity = 'CRITICAL'")
                .query((row, i) -> json.readValue(row.getString("labels"), LABELS)).list();
    }

    void notified(UUID subscription, String groupKey, List<Member> members, Instant now) {
        for (Member member : members) {
            jdbc.sql("""
                            update group_alerts set notified_status = ?, notified_at = ?
                            where subscription_id = ? and group_key = ? and dedupe_key = ?""")
                    .params(member.status(), Timestamp.from(now), subscription, groupKey, member.dedupeKey()).update();
        }
    }

    void forget(UUID subscription, String groupKey, List<Member> members) {
        for (Member member : members) {
            jdbc.sql("delete from group_alerts where subscription_id = ? and group_key = ? and dedupe_key = ?")
                    .params(subscription, groupKey, member.dedupeKey()).update();
        }
    }

    void flushed(UUID subscription, String groupKey, Instant lastFlush, Instant next) {
        jdbc.sql("update groups set last_flush_at = ?, next_flush_at = ? where subscription_id = ? and group_key = ?")
                .params(lastFlush == null ? null : Timestamp.from(lastFlush), Timestamp.from(next), subscription,
                        groupKey)
                .update();
    }

    void delete(UUID subscription, String groupKey) {
        jdbc.sql("delete from groups where subscription_id = ? and group_key = ?").params(subscription, groupKey)
                .update();
    }
}
