package io.keliu.profile.feedback;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.profile.alerts.AlertSender;
import io.keliu.profile.feedback.ComplaintTopics.Analysis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A complaint topic whose distinct complaints of the last 24 hours exceed its usual daily count by
 * {@code keliu.feedback.spike-factor} (and reach {@code spike-minimum}) fires a {@code feedback.complaint-spike}
 * alert ("30 complaints about 物流 慢 in 广东省 in 24 h, 5× usual"); once it no longer does, the alert is resolved.
 * Checked after every analysis of the complaints.
 */
@Component
public class ComplaintSpikes {
    public static final String TYPE = "feedback.complaint-spike";

    private final ComplaintTopics topics;
    private final JdbcClient jdbc;
    private final AlertSender sender;
    private final FeedbackProperties properties;
    private final Clock clock;

    ComplaintSpikes(ComplaintTopics topics, JdbcClient jdbc, AlertSender sender, FeedbackProperties properties,
                    Clock clock) {
        this.topics = topics;
        this.jdbc = jdbc;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${keliu.feedback.analysis-interval:PT1M}", initialDelayString = "PT15S")
    void analyseAndCheck() {
        check(topics.analyse(), clock.instant());
    }

    /** Compares each topic's last 24 h before {@code now} with its usual day; returns the alerts it published. */
    public synchronized List<Alert> check(Analysis analysis, Instant now) {
        Instant dayAgo = now.minus(Duration.ofDays(1));
        Map<Integer, Long> observed = ComplaintTopics.distinctCounts(analysis, dayAgo, now);
        Map<Integer, Double> usual = ComplaintTopics.usualPerDay(analysis, dayAgo, properties.baselineDays());
        Map<String, Instant> firing = new HashMap<>();
        jdbc.sql("SELECT dedupe_key, starts_at FROM profiles.feedback_spikes")
                .query(row -> {
                    firing.put(row.getString(1), row.getTimestamp(2).toInstant());
                });
        Map<String, Alert> spiking = new LinkedHashMap<>();
        for (FeedbackTopicsView.Topic topic : FeedbackTopicsView.topics(analysis, dayAgo, now, usual)) {
            long count = observed.getOrDefault(topic.topic(), 0L);
            double baseline = usual.getOrDefault(topic.topic(), 0.0);
            if (count >= properties.spikeMinimum() && count > properties.spikeFactor() * Math.max(baseline, 1)) {
                String key = TYPE + "/topic:" + String.join(" ", topic.label());
                spiking.put(key, firing(key, firing.getOrDefault(key, now), topic, count, baseline));
            }
        }
        List<Alert> published = new ArrayList<>();
        spiking.forEach((key, alert) -> {
            if (!firing.containsKey(key)) {
                jdbc.sql("INSERT INTO profiles.feedback_spikes (dedupe_key, starts_at) VALUES (?, ?)")
                        .params(key, Timestamp.from(alert.startsAt())).update();
                sender.send(alert);
                published.add(alert);
            }
        });
        firing.forEach((key, startsAt) -> {
            if (!spiking.containsKey(key)) {
                jdbc.sql("DELETE FROM profiles.feedback_spikes WHERE dedupe_key = ?").param(key).update();
                Alert resolved = resolved(key, startsAt, now);
                sender.send(resolved);
                published.add(resolved);
            }
        });
        return published;
    }

    private static Alert firing(String key, Instant startsAt, FeedbackTopicsView.Topic topic, long count,
                                double baseline) {
        String about = String.join(" ", topic.label());
        Optional<String> region = topic.regions().isEmpty() || topic.regions().getFirst().complaints() * 2 < count
                ? Optional.empty() : Optional.of(topic.regions().getFirst().name());
        String factor = String.format(Locale.ROOT, "%.0f", count / Math.max(baseline, 1));
        String whereZh = region.map(r -> r + " ").orElse("");
        String whereEn = region.map(r -> " in " + r).orElse("");
        Map<String, String> labels = new HashMap<>(Map.of("topic", about));
        region.ifPresent(r -> labels.put("region", r));
        return new Alert(id(key, AlertStatus.FIRING, startsAt), Alert.SCHEMA_VERSION, TYPE, AlertSeverity.WARNING,
                AlertStatus.FIRING, key, labels,
                new Alert.Localized("24 小时内" + whereZh + count + " 条关于“" + about + "”的投诉，是平时的 " + factor + " 倍",
                        count + " complaints about \"" + about + "\"" + whereEn + " in 24 h, " + factor
                                + "× usual"),
                new Alert.Localized(String.format(Locale.ROOT, "过去 24 小时该主题有 %d 条投诉（同一客户重复投诉只计一次），"
                                + "此前每天通常 %.1f 条。例如：%s", count, baseline, example(topic)),
                        String.format(Locale.ROOT, "%d complaints on this topic in the last 24 h (a customer's repeats"
                                + " counted once), usually %.1f a day. For example: %s", count, baseline,
                                example(topic))),
                Map.of("observed", (double) count, "expected", baseline), startsAt, null, "profile-service",
                "/feedback?topic=" + topic.topic());
    }

    private static Alert resolved(String key, Instant startsAt, Instant now) {
        String about = key.substring(key.indexOf(":") + 1);
        return new Alert(id(key, AlertStatus.RESOLVED, startsAt), Alert.SCHEMA_VERSION, TYPE, AlertSeverity.WARNING,
                AlertStatus.RESOLVED, key, Map.of("topic", about),
                new Alert.Localized("关于“" + about + "”的投诉已回落", "Complaints about \"" + about + "\" back to usual"),
                new Alert.Localized("过去 24 小时的投诉数已不再超过平时的阈值。",
                        "Complaints of the last 24 h no longer exceed the usual count by the spike factor."),
                Map.of(), startsAt, now, "profile-service", "/feedback");
    }

    private static String example(FeedbackTopicsView.Topic topic) {
        return topic.examples().isEmpty() ? "" : topic.examples().getFirst();
    }

    private static String id(String key, AlertStatus status, Instant startsAt) {
        return UUID.nameUUIDFromBytes((key + '\u0000' + status + '\u0000' + startsAt)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
