package io.keliu.projection;

/** A change event this service cannot apply, whatever happens: it goes to the dead-letter topic with the message. */
public class UnusableEvent extends RuntimeException {
    public UnusableEvent(String reason) {
        super(reason);
    }

    public UnusableEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
