package io.keliu.notify.silences;

import io.keliu.notify.web.InvalidField;
import io.keliu.notify.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Silences, stored in {@code notify.silences}; an expired silence stays listed until it is deleted. */
@Service
public class Silences {
    private static final TypeReference<Map<String, String>> MATCHERS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public Silences(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @param request matchers (at least one) and an end in the future; the start defaults to now */
    public Silence create(SilenceRequest request, String createdBy) {
        if (request.matchers() == null || request.matchers().isEmpty()) {
            throw new InvalidField("matchers", "name at least one label (or type, severity) and the value to mute, "
                    + "e.g. {\"region\": \"广东省\"}");
        }
        Instant now = clock.instant();
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        if (request.endsAt() == null || !request.endsAt().isAfter(startsAt) || !request.endsAt().isAfter(now)) {
            throw new InvalidField("endsAt", "must be an instant after the start and in the future, "
                    + "e.g. 2026-12-01T12:00:00Z");
        }
        Silence silence = new Silence(UUID.randomUUID(), Map.copyOf(request.matchers()), startsAt, request.endsAt(),
                request.comment(), createdBy, now);
        jdbc.sql("""
                        insert into silences (id, matchers, starts_at, ends_at, comment, created_by, created_at)
                        values (?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(silence.id(), json.writeValueAsString(silence.matchers()), Timestamp.from(startsAt),
                        Timestamp.from(silence.endsAt()), silence.comment(), createdBy, Timestamp.from(now))
                .update();
        return silence;
    }

    public List<Silence> all() {
        return jdbc.sql("select * from silences order by created_at desc").query(this::read).list();
    }

    /** The silences in force at {@code at}. */
    public List<Silence> active(Instant at) {
        return jdbc.sql("select * from silences where starts_at <= ? and ends_at > ?")
                .params(Timestamp.from(at), Timestamp.from(at)).query(this::read).list();
    }

    public void delete(UUID id) {
        if (jdbc.sql("delete from silences where id = ?").param(id).update() == 0) {
            throw new NotFound("no silence " + id);
        }
    }

    private Silence read(ResultSet row, int rowNumber) throws SQLException {
        return new Silence(row.getObject("id", UUID.class), json.readValue(row.getString("matchers"), MATCHERS),
                row.getTimestamp("starts_at").toInstant(), row.getTimestamp("ends_at").toInstant(),
                row.getString("comment"), row.getString("created_by"), row.getTimestamp("created_at").toInstant());
    }
}
