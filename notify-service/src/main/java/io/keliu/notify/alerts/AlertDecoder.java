package io.keliu.notify.alerts;

import io.keliu.contracts.v1.Alert;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@link Alert}s as docs/contracts.md renders them, ignoring fields added to v1 later. */
final class AlertDecoder {
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    Alert decode(byte[] value) {
        if (value == null || value.length == 0) {
            throw new UnusableAlert("empty message: an alert is a JSON object");
        }
        Alert alert;
        try {
            alert = json.readValue(value, Alert.class);
        } catch (JacksonException e) {
            throw new UnusableAlert("not an alert (" + e.getOriginalMessage() + ")", e);
        }
        if (alert.schemaVersion() != Alert.SCHEMA_VERSION) {
            throw new UnusableAlert("unknown schema version " + alert.schemaVersion() + " (this service reads "
                    + Alert.SCHEMA_VERSION + ")");
        }
        require(alert.alertId(), "alertId");
        require(alert.type(), "type");
        require(alert.dedupeKey(), "dedupeKey");
        if (alert.severity() == null || alert.status() == null) {
            throw new UnusableAlert("an alert needs severity (INFO, WARNING, CRITICAL) and status (FIRING, RESOLVED)");
        }
        if (alert.summary() == null) {
            throw new UnusableAlert("an alert needs a summary in zhCN and en");
        }
        return alert;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new UnusableAlert("an alert needs " + field);
        }
    }
}
