package io.keliu.projection;

import org.apache.kafka.common.TopicPartition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The projection's own bookkeeping in the service's schema: per partition the next offset to apply, and the ids of
 * applied events. Every method runs in the caller's transaction.
 */
public final class ProjectionState {
    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final String offsets;
    private final String events;

    public ProjectionState(JdbcClient jdbc, PlatformTransactionManager transactions, String schema) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.offsets = schema + ".projection_offsets";
        this.events = schema + ".projection_events";
    }

    /** The next offset to apply of each partition that has one, locked until the transaction ends. */
    public Map<TopicPartition, Long> lockOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> next = new HashMap<>();
        jdbc.sql("SELECT topic, partition, next_offset FROM " + offsets
                        + " WHERE (topic, partition) IN (SELECT * FROM unnest(?::text[], ?::int[])) FOR UPDATE")
                .params(partitions.stream().map(TopicPartition::topic).toArray(String[]::new),
                        partitions.stream().map(TopicPartition::partition).toArray(Integer[]::new))
                .query(rs -> {
                    next.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                });
        return next;
    }

    /** Every partition's next offset to apply. */
    public Map<TopicPartition, Long> offsets() {
        Map<TopicPartition, Long> next = new HashMap<>();
        jdbc.sql("SELECT topic, partition, next_offset FROM " + offsets)
                .query(rs -> {
                    next.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                });
        return next;
    }

    /** Moves partitions forward to the given next offsets (never back). */
    public void advance(Map<TopicPartition, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return;
        }
        List<Map.Entry<TopicPartition, Long>> entries = List.copyOf(nextOffsets.entrySet());
        jdbc.sql("INSERT INTO " + offsets + " (topic, partition, next_offset)"
                        + " SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[])"
                        + " ON CONFLICT (topic, partition) DO UPDATE"
                        + " SET next_offset = greatest(" + offsets + ".next_offset, excluded.next_offset),"
                        + " updated_at = now()")
                .params(entries.stream().map(e -> e.getKey().topic()).toArray(String[]::new),
                        entries.stream().map(e -> e.getKey().partition()).toArray(Integer[]::new),
                        entries.stream().map(Map.Entry::getValue).toArray(Long[]::new))
                .update();
    }

    /**
     * Records the ids as applied and returns those that were not recorded before. Nearly always every id is new, and
     * a plain insert costs PostgreSQL less than {@code ON CONFLICT}'s speculative insertion of each row; so the plain
     * insert goes first, behind a savepoint, and only when it meets an id already recorded (or one id twice) does the
     * claim roll back to the savepoint and insert with {@code ON CONFLICT DO NOTHING}.
     */
    public Set<UUID> claim(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = eventIds.toArray(UUID[]::new);
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO " + events + " (event_id)"
                            + " SELECT unnest(?::uuid[])")
                    .param(ids)
                    .update());
            return new HashSet<>(eventIds);
        } catch (DuplicateKeyException e) {
            return new HashSet<>(jdbc.sql("INSERT INTO " + events + " (event_id) SELECT unnest(?::uuid[])"
                            + " ON CONFLICT DO NOTHING RETURNING event_id")
                    .param(ids)
                    .query(UUID.class)
                    .list());
        }
    }

    /** Forgets ids applied longer ago than {@code window}; returns how many. */
    public int prune(Duration window) {
        return jdbc.sql("DELETE FROM " + events + " WHERE processed_at < now() - make_interval(secs => ?)")
                .param(window.toMillis() / 1000.0)
                .update();
    }

    /** Forgets every position and id: the next assignment starts each partition from the beginning. */
    public void reset() {
        jdbc.sql("TRUNCATE " + offsets + ", " + events).update();
    }
}
