package io.keliu.notify.silences;

import io.keliu.contracts.v1.Alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Mutes the alerts it matches between {@code startsAt} and {@code endsAt}. Every matcher must equal: a label, or
 * {@code type} (the alert's type) or {@code severity}.
 */
public record Silence(UUID id, Map<String, String> matchers, Instant startsAt, Instant endsAt, String comment,
                      String createdBy, Instant createdAt) {

    public boolean mutes(Alert alert, Instant at) {
        if (at.isBefore(startsAt) || !at.isBefore(endsAt)) {
            return false;
        }
        Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
        return matchers.entrySet().stream().allMatch(matcher -> matcher.getValue().equals(switch (matcher.getKey()) {
            case "type" -> alert.type();
            case "severity" -> alert.severity().name();
            default -> labels.get(matcher.getKey());
        }));
    }
}
