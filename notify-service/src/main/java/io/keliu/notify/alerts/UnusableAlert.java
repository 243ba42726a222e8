package io.keliu.notify.alerts;

/** A message on the alerts topic that is not an alert this service can deliver; it goes to the dead-letter topic. */
public class UnusableAlert extends RuntimeException {
    public UnusableAlert(String reason) {
        super(reason);
    }

    public UnusableAlert(String reason, Throwable cause) {
        super(reason, cause);
    }
}
