package io.keliu.notify.channels;

import java.util.Optional;

/** One way of reaching a person. Implementations call their provider synchronously and never throw for its errors. */
public interface Channel {

    ChannelKind kind();

    Availability availability();

    SendResult send(Message message);

    /**
     * Whether sending the same message again after an {@link SendResult.Ambiguous} answer is harmless (the provider
     * drops duplicates, or a duplicate is merely annoying). SMS is not: it costs money and repeats on a phone.
     */
    default boolean resendIsSafe() {
        return true;
    }

    /**
     * What the provider knows of a message sent before, looked up by {@link Message#outId()}; empty when this channel
     * cannot tell or the provider has no record of it (yet).
     */
    default Optional<SendResult> statusOf(Message message) {
        return Optional.empty();
    }
}
