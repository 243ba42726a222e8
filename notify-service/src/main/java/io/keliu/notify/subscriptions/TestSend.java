package io.keliu.notify.subscriptions;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.outbox.Content;
import io.keliu.notify.outbox.NewNotification;
import io.keliu.notify.outbox.NotificationView;
import io.keliu.notify.outbox.Notifications;
import io.keliu.notify.templates.AlertTemplates;
import io.keliu.notify.templates.Rendered;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a test alert to each of a subscription's recipients at once, through the outbox like any notification
 * (so it shows in the delivery log), and answers with what each provider said.
 */
@Service
class TestSend {
    private final Subscriptions subscriptions;
    private final AlertTemplates templates;
    private final Notifications notifications;
    private final Clock clock;

    TestSend(Subscriptions subscriptions, AlertTemplates templates, Notifications notifications, Clock clock) {
        this.subscriptions = subscriptions;
        this.templates = templates;
        this.notifications = notifications;
        this.clock = clock;
    }

    record Outcome(ChannelKind channel, String recipient, NotificationView notification) {
    }

    List<Outcome> send(UUID subscriptionId) {
        Subscription subscription = subscriptions.get(subscriptionId);
        Alert alert = testAlert(subscription, clock.instant());
        Rendered rendered = templates.render(List.of(alert), subscription.language(), subscription.zone(), "");
        Content content = new Content(rendered.subject(), rendered.markdown(), rendered.shortText(), rendered.html(),
                rendered.plainText(), subscription.mentions());
        return subscription.recipients().stream().map(recipient -> {
            NotificationView sent = notifications.sendNow(new NewNotification(subscription.id(), "test",
                    recipient.channel(), recipient.sealed(), recipient.hash(), recipient.masked(),
                    List.of(alert.alertId()), List.of(alert.dedupeKey()), content));
            return new Outcome(recipient.channel(), recipient.masked(), sent);
        }).toList();
    }

    private static Alert testAlert(Subscription subscription, Instant now) {
        return new Alert("test-" + UUID.randomUUID(), Alert.SCHEMA_VERSION, "notify.test", AlertSeverity.INFO,
                AlertStatus.FIRING, "notify.test/" + subscription.id(), Map.of(),
                new Alert.Localized("测试消息：订阅「" + subscription.name() + "」可以送达",
                        "Test: subscription \"" + subscription.name() + "\" reaches you"),
                new Alert.Localized("这是一条测试告警，无需处理。", "This is a test alert; nothing to do."),
                Map.of(), now, null, "notify-service", "/");
    }
}
