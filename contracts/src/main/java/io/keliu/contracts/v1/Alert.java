package io.keliu.contracts.v1;

import java.time.Instant;
import java.util.Map;

/**
 * A condition worth telling a person about, published on {@link Topics#ALERTS} by the analytics services and
 * delivered by notify-service. Modelled on Alertmanager's alerts: one alert is one condition of one series or group,
 * identified over time by {@code dedupeKey}; it is published FIRING while the condition holds (again, with a new
 * {@code alertId}, whenever its values change) and once RESOLVED when it ends.
 *
 * @param alertId     unique per publication; deterministic for a given dedupe key, status and start, so that a
 *                    producer publishing the same alert twice (a retry, a replay) publishes the same id
 * @param type        what kind of condition, a dotted lower-case name owned by the producer, e.g.
 *                    {@code customers.valuable-at-risk}, {@code traffic.anomaly}, {@code logs.error-spike},
 *                    {@code reports.published}
 * @param dedupeKey   the condition's identity: alerts with the same key are the same condition, e.g.
 *                    {@code traffic.anomaly/province:广东省/2026-12-01T10}
 * @param labels      what the alert is about, for matching and grouping: {@code region}, {@code segment},
 *                    {@code channel}, {@code series} … (string values; absent labels are simply missing)
 * @param summary     one line, in zh-CN and en
 * @param description a few sentences, in zh-CN and en
 * @param values      the numbers behind it, e.g. {@code observed}, {@code expected}, {@code lower}, {@code upper}
 * @param endsAt      null while FIRING; when the condition ended for RESOLVED
 * @param source      the publishing service, e.g. {@code forecast-service}
 * @param link        a path into the dashboard that shows the series or group, e.g. {@code /time?series=total}
 */
public record Alert(
        String alertId,
        int schemaVersion,
        String type,
        AlertSeverity severity,
        AlertStatus status,
        String dedupeKey,
        Map<String, String> labels,
        Localized summary,
        Localized description,
        Map<String, Double> values,
        Instant startsAt,
        Instant endsAt,
        String source,
        String link) {
    public static final int SCHEMA_VERSION = 1;

    /** A text in the platform's two languages; both are always present. */
    public record Localized(String zhCN, String en) {
        public String in(String language) {
            return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? en : zhCN;
        }
    }
}
