package io.keliu.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of a service's projection ({@code keliu.projection.*}).
 *
 * @param deadLetterTopic where events that cannot be applied go, with the reason in headers, e.g.
 *                        {@code keliu.profile.dead-letter}; created on start if missing
 * @param schema          the database schema of the projection's tables; by default the service's Flyway schema
 * @param concurrency     consumers (threads); each owns some partitions of the change topics
 * @param dedupeWindow    how long applied event ids are kept after they were applied: longer than any republishing
 *                        of a change by ingest (it republishes what it had not committed when it restarts)
 * @param retries         further attempts at an event whose apply failed, before it goes to the dead-letter topic
 * @param retryInterval   the pause between those attempts
 */
@ConfigurationProperties("keliu.projection")
public record ProjectionProperties(
        String deadLetterTopic,
        String schema,
        @DefaultValue("2") int concurrency,
        @DefaultValue("P1D") Duration dedupeWindow,
        @DefaultValue("2") int retries,
        @DefaultValue("500ms") Duration retryInterval) {
}
