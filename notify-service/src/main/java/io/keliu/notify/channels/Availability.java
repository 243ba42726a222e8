package io.keliu.notify.channels;

/** Whether a channel can send, and in words why not: shown on health and in the subscription API. */
public record Availability(boolean on, String detail) {

    public static Availability on(String detail) {
        return new Availability(true, detail);
    }

    public static Availability off(String reason) {
        return new Availability(false, reason);
    }
}
