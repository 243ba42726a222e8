package io.keliu.notify.delivery;

import io.keliu.contracts.v1.Alert;
import io.keliu.notify.subscriptions.Subscription;
import io.keliu.notify.subscriptions.Subscriptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Takes alerts in: records their state and places each in the groups of the subscriptions it matches. */
@Service
public class Router {
    private final GroupStore groups;
    private final Subscriptions subscriptions;
    private final DeliveryProperties properties;
    private final Clock clock;

    public Router(GroupStore groups, Subscriptions subscriptions, DeliveryProperties properties, Clock clock) {
        this.groups = groups;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs in the caller's transaction (the consumer's, with its dedupe record). */
    @Transactional
    public void accept(List<Alert> alerts) {
        Instant now = clock.instant();
        List<Subscription> all = subscriptions.all();
        for (Alert alert : alerts) {
            groups.saveAlert(alert, now);
            for (Subscription subscription : all) {
                if (subscription.matches(alert)) {
                    groups.place(subscription.id(), groupKey(subscription, alert), alert, now,
                            groupWait(subscription), groupInterval(subscription));
                }
            }
        }
    }

    /** The group's identity: the values of the subscription's group-by labels ({@code type} is the alert's type). */
    static String groupKey(Subscription subscription, Alert alert) {
        if (subscription.digest()) {
            return "digest";
        }
        Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
        return subscription.groupBy().stream()
                .map(label -> label + "=" + (label.equals("type") ? alert.type() : labels.getOrDefault(label, "")))
                .collect(Collectors.joining(","));
    }

    Duration groupWait(Subscription subscription) {
        return subscription.digest() ? Duration.ofMinutes(subscription.digestMinutes()) : properties.groupWait();
    }

    Duration groupInterval(Subscription subscription) {
        return subscription.digest() ? Duration.ofMinutes(subscription.digestMinutes()) : properties.groupInterval();
    }
}
