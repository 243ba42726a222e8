package io.keliu.local.simulator;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class LogGeneratorTest {

    /** The hourly incident multiplies the errors per minute far past order-analytics' spike factor of 3. */
    @Test
    void anIncidentEveryHourMakesMostLinesErrors() {
        LogGenerator logs = new LogGenerator("t");
        RandomGenerator random = new java.util.Random(7);
        LocalDateTime calm = LocalDateTime.of(2026, 12, 1, 10, 5);
        LocalDateTime incident = LocalDateTime.of(2026, 12, 1, 10, 21);

        assertThat(LogGenerator.incident(incident)).isTrue();
        assertThat(LogGenerator.incident(calm)).isFalse();
        assertThat(LogGenerator.incident(LocalDateTime.of(2026, 12, 1, 10, 23))).isFalse();
        long calmErrors = errors(logs, calm, random);
        long incidentErrors = errors(logs, incident, random);
        assertThat(incidentErrors).isGreaterThan(4 * calmErrors);
    }

    private static long errors(LogGenerator logs, LocalDateTime time, RandomGenerator random) {
        long errors = 0;
        for (int i = 0; i < 2000; i++) {
            if ("ERROR".equals(logs.next(time, random).fields().get("level"))) {
                errors++;
            }
        }
        return errors;
    }
}
