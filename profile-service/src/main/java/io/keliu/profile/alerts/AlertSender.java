package io.keliu.profile.alerts;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes alerts on keliu.alerts.v1, keyed by dedupe key, waiting for the broker's acknowledgement. */
@Component
public class AlertSender {
    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;

    public AlertSender(KafkaTemplate<String, String> kafka, ObjectMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    public void send(Alert alert) {
        try {
            kafka.send(Topics.ALERTS, alert.dedupeKey(), json.writeValueAsString(alert)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish alert " + alert.dedupeKey() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing alerts", e);
        }
    }
}
