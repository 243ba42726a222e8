package io.keliu.notify.channels;

/** What a provider answered to one send. */
public sealed interface SendResult {

    /** The provider's answer as we keep it in the delivery log. */
    String answer();

    /** The provider took the message. */
    record Accepted(String providerId, String answer) implements SendResult {
    }

    /**
     * The provider refused it, or could not be reached before the request was sent. {@code retryable} is false when
     * sending again cannot help (an invalid webhook, a malformed number).
     */
    record Failed(String code, String answer, boolean retryable) implements SendResult {
    }

    /**
     * The request went out but no answer came back (a read timeout, a dropped connection): the provider may or may
     * not have taken it. Channels that cannot be resent safely (SMS) must ask the provider before sending again.
     */
    record Ambiguous(String answer) implements SendResult {
    }
}
