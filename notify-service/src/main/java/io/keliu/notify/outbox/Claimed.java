package io.keliu.notify.outbox;

import io.keliu.notify.channels.ChannelKind;

import java.time.Instant;
import java.util.UUID;

/** A notification taken for an attempt. */
record Claimed(UUID id, ChannelKind channel, String sealedRecipient, String recipientHash, Content content,
               int attempts, Instant createdAt) {
}
