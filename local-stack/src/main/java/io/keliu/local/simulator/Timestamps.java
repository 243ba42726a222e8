package io.keliu.local.simulator;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/** ISO-8601 local times as sources write them: mostly without offset (read as Asia/Shanghai), sometimes with +08:00. */
final class Timestamps {
    private static final double WITH_OFFSET_SHARE = 0.1;

    private Timestamps() {
    }

    static String write(LocalDateTime time, RandomGenerator random) {
        String local = time.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return random.nextDouble() < WITH_OFFSET_SHARE ? local + "+08:00" : local;
    }

    /** Log lines keep milliseconds, as loggers write them. */
    static String writeMillis(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"));
    }
}
