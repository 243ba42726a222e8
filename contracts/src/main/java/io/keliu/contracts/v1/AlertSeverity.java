package io.keliu.contracts.v1;

/** How urgent an alert is, least urgent first (so that {@code compareTo} orders by urgency). */
public enum AlertSeverity {
    INFO, WARNING, CRITICAL;

    public boolean atLeast(AlertSeverity minimum) {
        return compareTo(minimum) >= 0;
    }
}
