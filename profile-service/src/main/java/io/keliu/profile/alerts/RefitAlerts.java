package io.keliu.profile.alerts;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.profile.ProfileProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The alerts of a refit, from comparing it with the previous one (docs/profiles.md, "Alerts"): valuable customers at
 * risk per segment, and segments whose size moved by more than {@code keliu.alerts.segment-shift}.
 */
@Component
public class RefitAlerts {
    static final String SOURCE = "profile-service";
    static final String VALUABLE_AT_RISK = "customers.valuable-at-risk";
    static final String SEGMENT_SHIFT = "customers.segment-shift";

    private final JdbcClient jdbc;
    private final AlertSender sender;
    private final ProfileProperties.Alerts settings;
    private final Clock clock;

    public RefitAlerts(JdbcClient jdbc, AlertSender sender, ProfileProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.settings = properties.alerts();
        this.clock = clock;
    }

    /** Publishes the alerts of refit {@code after} compared with {@code before}; returns them. */
    public List<Alert> compare(UUID before, UUID after) {
        Instant now = clock.instant();
        List<Alert> alerts = new ArrayList<>();
        alerts.addAll(valuableAtRisk(before, after, now));
        alerts.addAll(segmentShifts(before, after, now));
        alerts.forEach(sender::send);
        return alerts;
    }

    private List<Alert> valuableAtRisk(UUID before, UUID after, Instant now) {
        double threshold = settings.churnRiskThreshold();
        return jdbc.sql("""
                        WITH ranked AS (
                            SELECT user_id, clv, churn_risk, segment_id, ntile(5) OVER (ORDER BY clv DESC) AS quintile
                            FROM profiles.customer_scores WHERE refit_id = ?)
                        SELECT r.segment_id, s.name_zh, s.name_en, count(*), sum(r.clv)
                        FROM ranked r
                        JOIN profiles.customer_scores p ON p.refit_id = ? AND p.user_id = r.user_id
                        JOIN profiles.segments s ON s.refit_id = ? AND s.segment_id = r.segment_id
                        WHERE r.quintile = 1 AND r.churn_risk >= ? AND p.churn_risk < ?
                        GROUP BY r.segment_id, s.name_zh, s.name_en ORDER BY r.segment_id""")
                .params(after, before, after, threshold, threshold)
                .query((rs, n) -> {
                    int segment = rs.getInt(1);
                    long customers = rs.getLong(4);
                    double value = rs.getDouble(5);
                    String key = VALUABLE_AT_RISK + "/segment:" + segment;
                    return alert(VALUABLE_AT_RISK, AlertSeverity.WARNING, key, segment, now,
                            new Alert.Localized(rs.getString(2) + "中 " + customers + " 位高价值客户流失风险升高",
                                    customers + " valuable customers at risk in " + rs.getString(3)),
                            new Alert.Localized(String.format(Locale.ROOT,
                                    "%d 位 CLV 前 20%% 的客户流失风险自上次重算以来升至 %.0f%% 以上，合计预期价值 %.0f。",
                                    customers, threshold * 100, value),
                                    String.format(Locale.ROOT, "%d customers in the top CLV fifth crossed a churn risk"
                                            + " of %.0f %% since the last refit; together worth %.0f.",
                                            customers, threshold * 100, value)),
                            Map.of("observed", (double) customers, "threshold", threshold, "clv", value),
                            "/customers?segment=" + segment + "&minChurnRisk=" + threshold + "&sort=clv");
                })
                .list();
    }

    private List<Alert> segmentShifts(UUID before, UUID after, Instant now) {
        return jdbc.sql("""
                        SELECT n.segment_id, n.name_zh, n.name_en, o.size, n.size FROM profiles.segments n
                        JOIN profiles.segments o ON o.refit_id = ? AND o.segment_id = n.segment_id
                        WHERE n.refit_id = ? AND abs(n.size - o.size) > ? * o.size ORDER BY n.segment_id""")
                .params(before, after, settings.segmentShift())
                .query((rs, n) -> {
                    int segment = rs.getInt(1);
                    int was = rs.getInt(4);
                    int is = rs.getInt(5);
                    double change = (double) (is - was) / was;
                    String key = SEGMENT_SHIFT + "/segment:" + segment;
                    return alert(SEGMENT_SHIFT, AlertSeverity.INFO, key, segment, now,
                            new Alert.Localized(String.format(Locale.ROOT, "%s人数变化 %+.0f%%", rs.getString(2),
                                    change * 100), String.format(Locale.ROOT, "%s: size changed by %+.0f %%",
                                    rs.getString(3), change * 100)),
                            new Alert.Localized(String.format(Locale.ROOT, "两次重算之间从 %,d 人变为 %,d 人。", was, is),
                                    String.format(Locale.ROOT, "From %,d to %,d customers between refits.", was, is)),
                            Map.of("observed", (double) is, "expected", (double) was, "change", change),
                            "/customers?segment=" + segment);
                })
                .list();
    }

    private static Alert alert(String type, AlertSeverity severity, String key, int segment, Instant startsAt,
                               Alert.Localized summary, Alert.Localized description, Map<String, Double> values,
                               String link) {
        String id = UUID.nameUUIDFromBytes((key + '\u0000' + AlertStatus.FIRING + '\u0000' + startsAt)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Alert(id, Alert.SCHEMA_VERSION, type, severity, AlertStatus.FIRING, key,
                Map.of("segment", Integer.toString(segment)), summary, description, values, startsAt, null, SOURCE,
                link);
    }
}
