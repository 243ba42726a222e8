package io.keliu.projection;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells failures of the moment (the database is away) from failures of the event. */
final class Failures {
    private Failures() {
    }

    /** True when trying again later may succeed: such a failure never sends an event to the dead-letter topic. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    /** Why an event could not be applied, in the words of the innermost cause that has some. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnusableEvent) {
                return t.getMessage();
            }
        }
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        return "could not be applied: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
