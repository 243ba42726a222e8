package io.keliu.contracts.v1;

/** Whether an alert's condition holds (FIRING) or has ended (RESOLVED). */
public enum AlertStatus {
    FIRING, RESOLVED
}
