package io.keliu.orderanalytics.alerts;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.contracts.v1.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes {@link Alert}s on {@code keliu.alerts.v1}, keyed by dedupe key, and waits for the broker to take them. */
@Component
public class AlertPublisher {
    public static final String SOURCE = "order-analytics-service";

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    public AlertPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** What an alert says; the id and envelope are filled in by {@link #publish}. */
    public record Draft(String type, AlertSeverity severity, AlertStatus status, String dedupeKey,
                        Map<String, String> labels, Alert.Localized summary, Alert.Localized description,
                        Map<String, Double> values, Instant startsAt, Instant endsAt, String link) {
    }

    public Alert publish(Draft draft) {
        Alert alert = new Alert(alertId(draft), Alert.SCHEMA_VERSION, draft.type(), draft.severity(), draft.status(),
                draft.dedupeKey(), draft.labels(), draft.summary(), draft.description(), draft.values(),
                draft.startsAt(), draft.endsAt(), SOURCE, draft.link());
        try {
            kafka.send(Topics.ALERTS, alert.dedupeKey(), json.writeValueAsBytes(alert)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing alert " + alert.dedupeKey(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take alert " + alert.dedupeKey(), e);
        }
        return alert;
    }

    /** Deterministic for (dedupe key, status, start): the same alert published twice has the same id. */
    static String alertId(Draft draft) {
        return UUID.nameUUIDFromBytes((draft.dedupeKey() + "|" + draft.status() + "|" + draft.startsAt())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
