package io.keliu.orderanalytics.logs;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.orderanalytics.alerts.AlertPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Watches the errors (ERROR and FATAL lines) per minute of each log source: a minute whose errors exceed the mean of
 * the minutes before it ({@link SpikeProperties#baseline()}) by the configured factor, and are at least the minimum,
 * fires a {@code logs.error-spike} alert for the source; the first minute back under the threshold resolves it.
 */
@Component
public class ErrorSpikeDetector {
    public static final String TYPE = "logs.error-spike";

    private final JdbcTemplate jdbc;
    private final AlertPublisher alerts;
    private final SpikeProperties properties;
    private final Clock clock;

    public ErrorSpikeDetector(JdbcTemplate jdbc, AlertPublisher alerts, SpikeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${keliu.logs.spike.check-interval:PT1M}", initialDelayString = "PT1M")
    public void checkLastMinute() {
        check(clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES));
    }

    /** Checks the minute starting at {@code minute}; returns the alerts it published. */
    public synchronized List<Alert> check(Instant minute) {
        Map<String, Long> observed = errors(minute, minute.plus(1, ChronoUnit.MINUTES));
        Map<String, Long> before = errors(minute.minus(properties.baselineMinutes(), ChronoUnit.MINUTES), minute);
        Map<String, Instant> firing = new HashMap<>();
        jdbc.query("SELECT source, starts_at FROM log_spikes",
                row -> {
                    firing.put(row.getString("source"), row.getTimestamp("starts_at").toInstant());
                });
        TreeSet<String> sources = new TreeSet<>(observed.keySet());
        sources.addAll(firing.keySet());
        List<Alert> published = new ArrayList<>();
        for (String source : sources) {
            long errors = observed.getOrDefault(source, 0L);
            long baselineErrors = before.getOrDefault(source, 0L);
            double baseline = properties.baselinePerMinute(baselineErrors);
            double threshold = properties.threshold(baselineErrors);
            boolean spike = properties.isSpike(errors, baselineErrors);
            Instant startsAt = firing.get(source);
            if (spike && startsAt == null) {
                jdbc.update("INSERT INTO log_spikes (source, starts_at) VALUES (?, ?)", source,
                        Timestamp.from(minute));
                published.add(alerts.publish(draft(source, AlertStatus.FIRING, minute, null, errors, baseline,
                        threshold)));
            } else if (!spike && startsAt != null) {
                jdbc.update("DELETE FROM log_spikes WHERE source = ?", source);
                published.add(alerts.publish(draft(source, AlertStatus.RESOLVED, startsAt, minute, errors, baseline,
                        threshold)));
            }
        }
        return published;
    }

    private Map<String, Long> errors(Instant from, Instant to) {
        Map<String, Long> errors = new HashMap<>();
        jdbc.query("""
                SELECT source, sum(lines) AS errors FROM log_counts WHERE granularity = 'minute'
                AND bucket_start >= ? AND bucket_start < ? AND level IN ('ERROR', 'FATAL') GROUP BY source""",
                row -> {
                    errors.put(row.getString("source"), row.getLong("errors"));
                }, Timestamp.from(from), Timestamp.from(to));
        return errors;
    }

    private static AlertPublisher.Draft draft(String source, AlertStatus status, Instant startsAt, Instant endsAt,
                                              long errors, double baseline, double threshold) {
        boolean firing = status == AlertStatus.FIRING;
        String perMinute = "%d errors/min, baseline %.1f".formatted(errors, baseline);
        return new AlertPublisher.Draft(TYPE, AlertSeverity.WARNING, status, TYPE + "/source:" + source,
                Map.of("source", source, "series", "logs:" + source),
                new Alert.Localized(firing ? source + " 错误日志激增" : source + " 错误日志已恢复正常",
                        firing ? "Error spike in " + source + " logs" : source + " log errors back to normal"),
                new Alert.Localized("来源 " + source + "：每分钟 " + errors + " 条错误，基线 "
                        + "%.1f".formatted(baseline) + " 条。",
                        "Source " + source + ": " + perMinute + "."),
                Map.of("observed", (double) errors, "expected", baseline, "upper", threshold),
                startsAt, endsAt, "/logs?source=" + source);
    }
}
