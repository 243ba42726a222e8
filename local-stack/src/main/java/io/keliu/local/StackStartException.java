package io.keliu.local;

/** The stack cannot start for a reason the user can fix; the message says how. */
public final class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }
}
