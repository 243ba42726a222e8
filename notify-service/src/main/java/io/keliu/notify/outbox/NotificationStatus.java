package io.keliu.notify.outbox;

/** Where a notification is in its delivery. */
public enum NotificationStatus {
    /** Committed, waiting for its (next) attempt. */
    PENDING,
    /** Handed to a provider and not yet answered; found so after a restart, the send may or may not have happened. */
    SENDING,
    /** The provider accepted it. */
    SENT,
    /** Refused for good, or still failing after the last retry; the provider's error is kept. */
    DEAD,
    /** Sent without an answer on a channel that cannot be resent blindly (SMS), and the provider has no record of it: a person decides. */
    UNKNOWN
}
