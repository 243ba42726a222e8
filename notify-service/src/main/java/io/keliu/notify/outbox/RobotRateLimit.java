package io.keliu.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** What each WeCom robot has been sent in the last window (a sliding window per webhook, by its hash). */
final class RobotRateLimit {
    private final int perMinute;
    private final Duration window;
    private final Map<String, Deque<Instant>> sent = new HashMap<>();

    RobotRateLimit(int perMinute, Duration window) {
        this.perMinute = perMinute;
        this.window = window;
    }

    synchronized int remaining(String robot, Instant now) {
        return perMinute - window(robot, now).size();
    }

    synchronized void record(String robot, Instant at) {
        window(robot, at).addLast(at);
    }

    /** When the robot may take a message again. */
    synchronized Instant nextFree(String robot, Instant now) {
        Deque<Instant> window = window(robot, now);
        return window.size() < perMinute ? now : window.peekFirst().plus(this.window);
    }

    private Deque<Instant> window(String robot, Instant now) {
        Deque<Instant> window = sent.computeIfAbsent(robot, key -> new ArrayDeque<>());
        while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(this.window))) {
            window.removeFirst();
        }
        return window;
    }
}
