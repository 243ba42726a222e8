package io.keliu.notify.outbox;

import io.keliu.notify.channels.ChannelKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notification in the delivery log.
 *
 * @param recipient      masked
 * @param providerAnswer the provider's last answer, as it gave it
 * @param mergedInto     when a WeCom robot's rate limit merged it into another notification's message: that one
 */
public record NotificationView(UUID id, UUID subscriptionId, String groupKey, ChannelKind channel, String recipient,
                               List<String> alertIds, List<String> dedupeKeys, String subject,
                               NotificationStatus status, int attempts, List<AttemptView> attemptLog,
                               String providerId, String providerAnswer, String lastError, Instant createdAt,
                               Instant nextAttemptAt, Instant sentAt, UUID mergedInto) {

    /** @param outcome ACCEPTED, FAILED or AMBIGUOUS (no answer) */
    public record AttemptView(int attempt, Instant startedAt, Instant finishedAt, long millis, String outcome,
                              String code, String answer) {
    }
}
