package io.keliu.notify.subscriptions;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.notify.channels.ChannelKind;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who gets which alerts, how and when.
 *
 * @param channelsBySeverity which recipients' channels an alert of each severity goes to; a severity not listed goes
 *                           to every recipient
 * @param groupBy            alert labels (or {@code type}) whose values form one group, Alertmanager's group_by
 * @param digestMinutes      when set, all of the subscription's alerts form one group sent at most every N minutes
 * @param mentions           WeCom user ids to @mention in WeCom messages
 */
public record Subscription(UUID id, String name, List<StoredRecipient> recipients, Match match,
                           Map<AlertSeverity, Set<ChannelKind>> channelsBySeverity, List<String> groupBy,
                           QuietHours quietHours, Integer digestMinutes, boolean sendResolved, String language,
                           List<String> mentions, Instant createdAt, Instant updatedAt) {

    /** A recipient as stored: the address sealed, its keyed hash, and a mask to show. */
    public record StoredRecipient(ChannelKind channel, String sealed, String hash, String masked) {
    }

    /** Which alerts: any of {@code types} (all when empty), at least {@code minSeverity}, every label equal. */
    public record Match(Set<String> types, AlertSeverity minSeverity, Map<String, String> labels) {
        public Match {
            types = types == null ? Set.of() : Set.copyOf(types);
            minSeverity = minSeverity == null ? AlertSeverity.INFO : minSeverity;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        boolean matches(Alert alert) {
            Map<String, String> alertLabels = alert.labels() == null ? Map.of() : alert.labels();
            return (types.isEmpty() || types.contains(alert.type()))
                    && alert.severity().atLeast(minSeverity)
                    && labels.entrySet().stream().allMatch(e -> e.getValue().equals(alertLabels.get(e.getKey())));
        }
    }

    /**
     * A daily window without notifications, in {@code zone}; it may cross midnight (22:00–07:00). Notifications due
     * inside it wait for its end, unless one of the alerts is CRITICAL and {@code criticalOverrides}.
     */
    public record QuietHours(LocalTime start, LocalTime end, ZoneId zone, boolean criticalOverrides) {

        public boolean contains(Instant instant) {
            LocalTime time = instant.atZone(zone).toLocalTime();
            return start.isBefore(end)
                    ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }

        /** When the window that holds {@code instant} ends. */
        public Instant endAfter(Instant instant) {
            ZonedDateTime local = instant.atZone(zone);
            ZonedDateTime end = local.with(this.end);
            return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
        }
    }

    public boolean matches(Alert alert) {
        return match.matches(alert);
    }

    /** The recipients an alert group of this severity goes to. */
    public List<StoredRecipient> recipientsFor(AlertSeverity severity) {
        Set<ChannelKind> channels = channelsBySeverity.get(severity);
        return channels == null ? recipients
                : recipients.stream().filter(recipient -> channels.contains(recipient.channel())).toList();
    }

    public ZoneId zone() {
        return quietHours == null ? ZoneId.of("Asia/Shanghai") : quietHours.zone();
    }

    public boolean digest() {
        return digestMinutes != null && digestMinutes > 0;
    }
}
