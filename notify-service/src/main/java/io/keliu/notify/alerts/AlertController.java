package io.keliu.notify.alerts;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.notify.web.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The alerts notify-service has taken, each condition (dedupe key) in its latest state, whoever subscribed. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "alerts", description = "The latest state of every alert condition taken from keliu.alerts.v1")
class AlertController {
    static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An alert condition as it stands: its latest publication, and when notify-service took that. */
    record AlertView(String dedupeKey, String alertId, String type, AlertSeverity severity, AlertStatus status,
                     Map<String, String> labels, Alert.Localized summary, Alert.Localized description,
                     Map<String, Double> values, Instant startsAt, Instant endsAt, String source, String link,
                     Instant updatedAt) {
        static AlertView of(Alert alert, Instant updatedAt) {
            return new AlertView(alert.dedupeKey(), alert.alertId(), alert.type(), alert.severity(), alert.status(),
                    alert.labels(), alert.summary(), alert.description(), alert.values(), alert.startsAt(),
                    alert.endsAt(), alert.source(), alert.link(), updatedAt);
        }
    }

    @GetMapping
    @Operation(summary = "Alert conditions, the most recently changed first")
    List<AlertView> alerts(@Parameter(description = "FIRING or RESOLVED; default both") @RequestParam(required = false) AlertStatus status,
                           @Parameter(description = "at least this severity: INFO, WARNING or CRITICAL") @RequestParam(required = false) AlertSeverity severity,
                           @Parameter(description = "1–500, default 50") @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "'" + limit + "' is not between 1 and " + MAX_LIMIT);
        }
        List<String> severities = severity == null ? List.of() : Arrays.stream(AlertSeverity.values())
                .filter(one -> one.atLeast(severity)).map(Enum::name).toList();
        StringBuilder sql = new StringBuilder("select alert::text as alert, updated_at from alerts where true");
        List<Object> parameters = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            parameters.add(status.name());
        }
        if (!severities.isEmpty()) {
            sql.append(" and severity in (").append(String.join(",", Collections.nCopies(severities.size(), "?")))
                    .append(")");
            parameters.addAll(severities);
        }
        sql.append(" order by updated_at desc, dedupe_key limit ?");
        parameters.add(limit);
        return jdbc.sql(sql.toString()).params(parameters)
                .query((row, n) -> AlertView.of(json.readValue(row.getString("alert"), Alert.class),
                        row.getTimestamp("updated_at").toInstant()))
                .list();
    }
}
