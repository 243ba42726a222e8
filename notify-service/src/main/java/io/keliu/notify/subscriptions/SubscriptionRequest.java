package io.keliu.notify.subscriptions;

import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.notify.channels.ChannelKind;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subscription as clients write it (addresses in full).
 *
 * @param quietHours {@code start} and {@code end} as HH:mm, {@code zone} (default Asia/Shanghai),
 *                   {@code criticalOverrides} (default true)
 */
public record SubscriptionRequest(String name, List<RecipientRequest> recipients, MatchRequest match,
                                  Map<AlertSeverity, Set<ChannelKind>> channelsBySeverity, List<String> groupBy,
                                  QuietHoursRequest quietHours, Integer digestMinutes, Boolean sendResolved,
                                  String language, List<String> mentions) {

    /**
     * @param address a WeCom robot's webhook key (or its whole webhook URL), a WeCom user id, a phone number (E.164;
     *                mainland numbers also without +86) or an email address
     */
    public record RecipientRequest(ChannelKind channel, String address) {
    }

    public record MatchRequest(Set<String> types, AlertSeverity minSeverity, Map<String, String> labels) {
    }

    public record QuietHoursRequest(LocalTime start, LocalTime end, String zone, Boolean criticalOverrides) {
    }
}
