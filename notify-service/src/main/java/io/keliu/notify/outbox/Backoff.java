package io.keliu.notify.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Capped exponential backoff with jitter: attempt n waits between half and all of min(cap, base·2^(n−1)). */
final class Backoff {
    private Backoff() {
    }

    static Duration after(int attempt, Duration base, Duration cap, RandomGenerator random) {
        long ceiling = cap.toMillis();
        long exponential = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long wait = exponential <= 0 || exponential > ceiling ? ceiling : exponential;
        return Duration.ofMillis(wait / 2 + random.nextLong(wait / 2 + 1));
    }
}
