package io.keliu.forecast.traffic;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.forecast.PlatformProperties;
import io.keliu.projection.ChangeTopic;
import io.keliu.projection.ProjectionHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts visits from keliu.logs.v1 (consumed, deduplicated by eventId and committed by the projection module): each
 * event takes its {@code before}'s visit out of its buckets and puts its {@code after}'s in.
 */
@Component
class VisitTrafficHandler implements ProjectionHandler<SystemLog> {
    /** A log names no region or order type: visits are counted in total and by channel only. */
    static final List<Dimension> DIMENSIONS = List.of(Dimension.TOTAL, Dimension.CHANNEL);

    private final BucketStore buckets;
    private final JdbcTemplate jdbc;
    private final PlatformProperties platform;
    private final TrafficProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    VisitTrafficHandler(BucketStore buckets, JdbcTemplate jdbc, PlatformProperties platform,
                        TrafficProperties properties, Clock clock, ApplicationEventPublisher publisher) {
        this.buckets = buckets;
        this.jdbc = jdbc;
        this.platform = platform;
        this.properties = properties;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Override
    public ChangeTopic<SystemLog> topic() {
        return ChangeTopic.LOGS;
    }

    @Override
    public void apply(List<ChangeEvent<SystemLog>> events) {
        Map<BucketDeltas.Key, Long> deltas = new HashMap<>();
        Instant now = clock.instant();
        for (ChangeEvent<SystemLog> event : events) {
            Visit.of(event.before()).ifPresent(visit -> count(deltas, visit, -1, now));
            Visit.of(event.after()).ifPresent(visit -> count(deltas, visit, +1, now));
        }
        deltas.values().removeIf(change -> change == 0);
        if (!deltas.isEmpty()) {
            buckets.addVisits(deltas);
            publisher.publishEvent(new TrafficChanged(List.of()));
        }
    }

    private void count(Map<BucketDeltas.Key, Long> deltas, Visit visit, int sign, Instant now) {
        ZonedDateTime at = visit.at().atZone(platform.zone());
        for (Granularity granularity : Granularity.values()) {
            Instant start = granularity.bucketOf(at).toInstant();
            if (properties.keeps(granularity, start, now)) {
                for (Dimension dimension : DIMENSIONS) {
                    String member = dimension == Dimension.CHANNEL ? visit.channel() : "";
                    deltas.merge(new BucketDeltas.Key(granularity, dimension, member, start), (long) sign, Long::sum);
                }
            }
        }
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE forecast.visits");
    }
}
