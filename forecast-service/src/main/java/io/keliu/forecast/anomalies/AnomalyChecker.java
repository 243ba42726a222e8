package io.keliu.forecast.anomalies;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.forecast.PlatformProperties;
import io.keliu.forecast.forecasts.Forecaster;
import io.keliu.forecast.forecasts.SeriesId;
import io.keliu.forecast.forecasts.StoredForecast;
import io.keliu.forecast.traffic.Dimension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every hour, compares each forecast series' orders in the last complete hour with what its forecast expected
 * ({@link HourExpectation}): FIRING on keliu.alerts.v1 when outside the interval, again when the severity changes,
 * RESOLVED once an hour is back inside. Series without a back-tested forecast (too little history) are not checked,
 * and neither are holiday days: the forecast already expects them to be unusual.
 */
@Service
public class AnomalyChecker {
    static final String TYPE = "traffic.anomaly";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    private final Forecaster forecaster;
    private final HourlyOrders hourly;
    private final AlertPublisher publisher;
    private final JdbcTemplate jdbc;
    private final AnomalyProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    AnomalyChecker(Forecaster forecaster, HourlyOrders hourly, AlertPublisher publisher, JdbcTemplate jdbc,
                   AnomalyProperties properties, Clock clock, PlatformProperties platform) {
        this.forecaster = forecaster;
        this.hourly = hourly;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Scheduled(cron = "${keliu.anomalies.check-cron:0 5 * * * *}", zone = "${keliu.zone:Asia/Shanghai}")
    void hourly() {
        check(clock.instant().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS));
    }

    /** Checks the hour starting at {@code hourStart}; returns the alerts published. */
    @Transactional
    public List<Alert> check(Instant hourStart) {
        ZonedDateTime hour = hourStart.atZone(zone);
        LocalDate day = hour.toLocalDate();
        Map<String, OpenAlert> open = openAlerts();
        List<Alert> published = new ArrayList<>();
        for (SeriesId series : forecaster.seriesToForecast(forecaster.lastCompleteDay())) {
            StoredForecast forecast = forecaster.current(series).orElse(null);
            if (forecast == null || forecast.backtest().mase() == null
                    || !forecaster.calendar().positionsOn(day).isEmpty()) {
                continue;
            }
            StoredForecast.Point point = forecast.points().stream().filter(p -> p.date().equals(day)).findFirst()
                    .orElse(null);
            double share = hourly.share(series, hour.getDayOfWeek(), hour.getHour(),
                    hour.truncatedTo(ChronoUnit.DAYS).minusDays(properties.profileDays()),
                    hour.truncatedTo(ChronoUnit.DAYS), zone);
            if (point == null || Double.isNaN(share)) {
                continue;
            }
            HourExpectation expected = HourExpectation.of(share, point.value(), point.lower95(), point.upper95());
            long observed = hourly.orders(series, hourStart);
            OpenAlert current = open.get(series.toString());
            if (!expected.contains(observed)) {
                AlertSeverity severity = expected.distance(observed) > 1 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
                if (current == null || !current.severity().equals(severity.name())) {
                    String key = current != null ? current.dedupeKey()
                            : TYPE + "/" + series + "/" + hour.format(HOUR);
                    Instant start = current != null ? current.startedAt() : hourStart;
                    Alert alert = alert(series, key, AlertStatus.FIRING, severity, start, null, hour, observed, expected);
                    publisher.publish(alert);
                    save(series, key, start, severity, observed);
                    published.add(alert);
                }
            } else if (current != null) {
                Alert alert = alert(series, current.dedupeKey(), AlertStatus.RESOLVED,
                        AlertSeverity.valueOf(current.severity()), current.startedAt(), hourStart, hour, observed,
                        expected);
                publisher.publish(alert);
                jdbc.update("DELETE FROM forecast.open_alerts WHERE series = ?", series.toString());
                published.add(alert);
            }
        }
        return published;
    }

    private record OpenAlert(String dedupeKey, Instant startedAt, String severity) {
    }

    private Map<String, OpenAlert> openAlerts() {
        Map<String, OpenAlert> open = new HashMap<>();
        jdbc.query("SELECT series, dedupe_key, started_at, severity FROM forecast.open_alerts", row -> {
            open.put(row.getString(1), new OpenAlert(row.getString(2), row.getTimestamp(3).toInstant(),
                    row.getString(4)));
        });
        return open;
    }

    private void save(SeriesId series, String key, Instant start, AlertSeverity severity, long observed) {
        jdbc.update("""
                        INSERT INTO forecast.open_alerts (series, dedupe_key, started_at, severity, observed)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (series) DO UPDATE SET severity = excluded.severity, observed = excluded.observed""",
                series.toString(), key, Timestamp.from(start), severity.name(), observed);
    }

    private static Alert alert(SeriesId series, String key, AlertStatus status, AlertSeverity severity, Instant start,
                               Instant end, ZonedDateTime hour, long observed, HourExpectation expected) {
        boolean high = observed > expected.upper();
        String window = hour.format(DateTimeFormatter.ofPattern("MM-dd HH:00")) + "–"
                + hour.plusHours(1).format(DateTimeFormatter.ofPattern("HH:00"));
        String subjectZh = series.dimension() == Dimension.TOTAL ? "全部" : series.member();
        String subjectEn = series.dimension() == Dimension.TOTAL ? "All regions" : series.member();
        Alert.Localized summary = status == AlertStatus.RESOLVED
                ? new Alert.Localized(subjectZh + "订单恢复正常", "Orders in " + subjectEn + " back to normal")
                : new Alert.Localized(subjectZh + "订单异常" + (high ? "偏高" : "偏低"),
                "Orders in " + subjectEn + " unusually " + (high ? "high" : "low"));
        Alert.Localized description = new Alert.Localized(
                window + " 观测 " + observed + " 单，预测 " + Math.round(expected.expected()) + "，区间 "
                        + Math.round(expected.lower()) + "–" + Math.round(expected.upper()) + "。",
                "Observed " + observed + " orders " + window + ", forecast " + Math.round(expected.expected())
                        + ", interval " + Math.round(expected.lower()) + "–" + Math.round(expected.upper()) + ".");
        Map<String, String> labels = new HashMap<>();
        labels.put("series", series.toString());
        if (series.dimension() == Dimension.PROVINCE) {
            labels.put("region", series.member());
        } else if (series.dimension() == Dimension.CHANNEL) {
            labels.put("channel", series.member());
        }
        String id = UUID.nameUUIDFromBytes((key + "|" + status + "|" + start + "|" + severity + "|" + hour)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Alert(id, Alert.SCHEMA_VERSION, TYPE, severity, status, key, labels, summary, description,
                Map.of("observed", (double) observed, "expected", expected.expected(), "lower", expected.lower(),
                        "upper", expected.upper()),
                start, end, "forecast-service", "/time?series=" + series);
    }
}
