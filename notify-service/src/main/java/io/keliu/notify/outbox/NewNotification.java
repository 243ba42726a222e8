package io.keliu.notify.outbox;

import io.keliu.notify.channels.ChannelKind;

import java.util.List;
import java.util.UUID;

/**
 * A notification to commit to the outbox.
 *
 * @param sealedRecipient the recipient's address encrypted ({@link io.keliu.notify.secrets.SecretBox})
 * @param recipientHash   its keyed hash, to find every notification to one recipient
 */
public record NewNotification(UUID subscriptionId, String groupKey, ChannelKind channel, String sealedRecipient,
                              String recipientHash, String maskedRecipient, List<String> alertIds,
                              List<String> dedupeKeys, Content content) {
}
