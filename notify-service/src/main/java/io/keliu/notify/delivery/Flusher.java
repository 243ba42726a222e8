package io.keliu.notify.delivery;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.notify.outbox.Content;
import io.keliu.notify.outbox.NewNotification;
import io.keliu.notify.outbox.OutboxSender;
import io.keliu.notify.outbox.OutboxStore;
import io.keliu.notify.silences.Silence;
import io.keliu.notify.silences.Silences;
import io.keliu.notify.subscriptions.Subscription;
import io.keliu.notify.subscriptions.Subscriptions;
import io.keliu.notify.templates.AlertTemplates;
import io.keliu.notify.templates.Rendered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns due groups into notifications, after Alertmanager: a group is told of its firing alerts when one is new or
 * has changed status, at most every group interval, and again every repeat interval while they fire. Silenced and
 * inhibited alerts are left out (and told once the silence or the inhibiting alert ends); inside a subscription's
 * quiet hours the group waits for their end unless a CRITICAL alert may break through. The notifications are
 * committed to the outbox in the same transaction as the group's new state. Runs every flush interval for the groups
 * that fall due by time, and at once after the alert consumer has taken new alerts.
 */
@Component
public class Flusher {
    private static final int GROUPS_PER_ROUND = 100;

    private final GroupStore groups;
    private final Subscriptions subscriptions;
    private final Silences silences;
    private final AlertTemplates templates;
    private final OutboxStore outbox;
    private final OutboxSender sender;
    private final DeliveryProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Flusher(GroupStore groups, Subscriptions subscriptions, Silences silences, AlertTemplates templates,
                   OutboxStore outbox, OutboxSender sender, DeliveryProperties properties,
                   TransactionTemplate transaction, Clock clock) {
        this.groups = groups;
        this.subscriptions = subscriptions;
        this.silences = silences;
        this.templates = templates;
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${keliu.notify.delivery.flush-interval:500ms}")
    public void flushDue() {
        int notifications = 0;
        Round round;
        do {
            round = transaction.execute(status -> flushRound());
            notifications += round.notifications();
        } while (round.groups() == GROUPS_PER_ROUND);
        if (notifications > 0) {
            sender.wake();
        }
    }

    private record Round(int groups, int notifications) {
    }

    private Round flushRound() {
        Instant now = clock.instant();
        List<GroupStore.DueGroup> due = groups.lockDue(now, GROUPS_PER_ROUND);
        if (due.isEmpty()) {
            return new Round(0, 0);
        }
        Muting muting = new Muting(silences.active(now), groups.firingCriticalLabels(), now);
        Map<UUID, Subscription> byId = subscriptions.all().stream()
                .collect(Collectors.toMap(Subscription::id, Function.identity()));
        int notifications = 0;
        for (GroupStore.DueGroup group : due) {
            Subscription subscription = byId.get(group.subscriptionId());
            if (subscription == null) {
                groups.delete(group.subscriptionId(), group.groupKey());
            } else {
                notifications += flush(group, subscription, muting, now);
            }
        }
        return new Round(due.size(), notifications);
    }

    private int flush(GroupStore.DueGroup group, Subscription subscription, Muting muting, Instant now) {
        UUID id = subscription.id();
        String key = group.groupKey();
        List<GroupStore.Member> members = groups.members(id, key);
        List<GroupStore.Member> visible = members.stream().filter(m -> !muting.mutes(m.alert())).toList();
        List<GroupStore.Member> firing = visible.stream().filter(m -> m.status().equals("FIRING")).toList();
        List<GroupStore.Member> resolvedToTell = subscription.sendResolved() ? visible.stream()
                .filter(m -> m.status().equals("RESOLVED") && "FIRING".equals(m.notifiedStatus())).toList() : List.of();
        boolean news = !resolvedToTell.isEmpty()
                || firing.stream().anyMatch(m -> !"FIRING".equals(m.notifiedStatus()));
        boolean repeat = group.lastFlushAt() != null && !firing.isEmpty()
                && !now.isBefore(group.lastFlushAt().plus(properties.repeatInterval()));
        int sent = 0;
        Instant lastFlush = group.lastFlushAt();
        if (news || repeat) {
            if (quiet(subscription, firing, now)) {
                groups.flushed(id, key, lastFlush, subscription.quietHours().endAfter(now));
                return 0;
            }
            List<GroupStore.Member> told = Stream.concat(firing.stream(), resolvedToTell.stream()).toList();
            sent = enqueue(subscription, key, told, now);
            groups.notified(id, key, told, now);
            lastFlush = now;
        }
        // resolved alerts leave the group once told, or at once when there is nothing to tell of them
        List<GroupStore.Member> done = members.stream().filter(m -> m.status().equals("RESOLVED")).toList();
        groups.forget(id, key, done);
        if (done.size() == members.size()) {
            groups.delete(id, key);
            return sent;
        }
        Instant next = lastFlush == null ? now.plus(properties.groupInterval())
                : lastFlush.plus(properties.repeatInterval());
        if (visible.size() < members.size()) {
            // muted alerts are looked at again, so that they are told once their silence or inhibition ends
            next = min(next, now.plus(properties.groupInterval()));
        }
        groups.flushed(id, key, lastFlush, next);
        return sent;
    }

    private static boolean quiet(Subscription subscription, List<GroupStore.Member> firing, Instant now) {
        Subscription.QuietHours quiet = subscription.quietHours();
        if (quiet == null || !quiet.contains(now)) {
            return false;
        }
        boolean critical = firing.stream().anyMatch(m -> m.alert().severity() == AlertSeverity.CRITICAL);
        return !(critical && quiet.criticalOverrides());
    }

    private int enqueue(Subscription subscription, String key, List<GroupStore.Member> told, Instant now) {
        List<Alert> alerts = told.stream().map(GroupStore.Member::alert).toList();
        AlertSeverity severity = told.stream().filter(m -> m.status().equals("FIRING"))
                .map(m -> m.alert().severity()).max(Comparator.naturalOrder())
                .orElse(alerts.stream().map(Alert::severity).max(Comparator.naturalOrder()).orElseThrow());
        Rendered rendered = templates.render(alerts, subscription.language(), subscription.zone(),
                subscription.digest() ? "" : key);
        Content content = new Content(rendered.subject(), rendered.markdown(), rendered.shortText(), rendered.html(),
                rendered.plainText(), subscription.mentions());
        List<NewNotification> notifications = new ArrayList<>();
        for (Subscription.StoredRecipient recipient : subscription.recipientsFor(severity)) {
            notifications.add(new NewNotification(subscription.id(), key, recipient.channel(), recipient.sealed(),
                    recipient.hash(), recipient.masked(), alerts.stream().map(Alert::alertId).toList(),
                    alerts.stream().map(Alert::dedupeKey).toList(), content));
        }
        outbox.enqueue(notifications, now);
        return notifications.size();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Silences in force, and inhibition: a firing CRITICAL alert mutes WARNING and INFO alerts with the same labels. */
    private record Muting(List<Silence> silences, List<Map<String, String>> criticalLabels, Instant now) {

        boolean mutes(Alert alert) {
            Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
            boolean inhibited = alert.severity() != AlertSeverity.CRITICAL && alert.status() == AlertStatus.FIRING
                    && criticalLabels.contains(labels);
            return inhibited || silences.stream().anyMatch(silence -> silence.mutes(alert, now));
        }
    }
}
