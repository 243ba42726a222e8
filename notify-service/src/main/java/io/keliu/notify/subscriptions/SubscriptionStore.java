package io.keliu.notify.subscriptions;

import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.notify.channels.ChannelKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions as JSON documents: a subscription is read and written whole and matched in memory, so a document
 * column keeps it one row without a table per list it holds.
 */
@Repository
public class SubscriptionStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SubscriptionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Subscription> findAll() {
        return jdbc.sql("select id, spec, created_at, updated_at from subscriptions order by created_at")
                .query(this::read).list();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("select id, spec, created_at, updated_at from subscriptions where id = ?")
                .param(id).query(this::read).optional();
    }

    void insert(Subscription subscription) {
        jdbc.sql("insert into subscriptions (id, spec, created_at, updated_at) values (?, ?::jsonb, ?, ?)")
                .params(subscription.id(), json.writeValueAsString(Spec.of(subscription)),
                        Timestamp.from(subscription.createdAt()), Timestamp.from(subscription.updatedAt()))
                .update();
    }

    void update(Subscription subscription) {
        jdbc.sql("update subscriptions set spec = ?::jsonb, updated_at = ? where id = ?")
                .params(json.writeValueAsString(Spec.of(subscription)), Timestamp.from(subscription.updatedAt()),
                        subscription.id())
                .update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from subscriptions where id = ?").param(id).update() > 0;
    }

    private Subscription read(ResultSet row, int rowNumber) throws SQLException {
        Spec spec = json.readValue(row.getString("spec"), Spec.class);
        return spec.with(row.getObject("id", UUID.class), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    /** The stored document: everything but the id and timestamps, which are columns. */
    record Spec(String name, List<Subscription.StoredRecipient> recipients, Subscription.Match match,
                Map<AlertSeverity, Set<ChannelKind>> channelsBySeverity,
                List<String> groupBy, Subscription.QuietHours quietHours, Integer digestMinutes, boolean sendResolved,
                String language, List<String> mentions) {

        static Spec of(Subscription s) {
            return new Spec(s.name(), s.recipients(), s.match(), s.channelsBySeverity(), s.groupBy(), s.quietHours(),
                    s.digestMinutes(), s.sendResolved(), s.language(), s.mentions());
        }

        Subscription with(UUID id, Instant createdAt, Instant updatedAt) {
            return new Subscription(id, name, recipients, match, channelsBySeverity, groupBy, quietHours,
                    digestMinutes, sendResolved, language, mentions, createdAt, updatedAt);
        }
    }
}
