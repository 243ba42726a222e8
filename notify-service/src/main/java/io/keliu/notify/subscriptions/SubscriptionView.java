package io.keliu.notify.subscriptions;

import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.notify.channels.Availability;
import io.keliu.notify.channels.ChannelKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A subscription as the API shows it: addresses masked, and whether each recipient's channel can deliver. */
public record SubscriptionView(UUID id, String name, List<RecipientView> recipients, Subscription.Match match,
                               Map<AlertSeverity, Set<ChannelKind>> channelsBySeverity, List<String> groupBy,
                               Subscription.QuietHours quietHours, Integer digestMinutes, boolean sendResolved,
                               String language, List<String> mentions, Instant createdAt, Instant updatedAt) {

    /** @param channelOn false when the channel has no credentials: nothing reaches this recipient until it has */
    public record RecipientView(ChannelKind channel, String address, boolean channelOn, String channelDetail) {
    }

    static SubscriptionView of(Subscription s, Map<ChannelKind, Availability> channels) {
        List<RecipientView> recipients = s.recipients().stream().map(r -> new RecipientView(r.channel(), r.masked(),
                channels.get(r.channel()).on(), channels.get(r.channel()).detail())).toList();
        return new SubscriptionView(s.id(), s.name(), recipients, s.match(), s.channelsBySeverity(), s.groupBy(),
                s.quietHours(), s.digestMinutes(), s.sendResolved(), s.language(), s.mentions(), s.createdAt(),
                s.updatedAt());
    }
}
