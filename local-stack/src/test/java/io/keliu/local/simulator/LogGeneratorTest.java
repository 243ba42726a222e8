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
        assertThat(logs.next(calm, random)).hasSize(1);
        long calmErrors = errors(logs, calm, random);
        long incidentErrors = errors(logs, incident, random);
        assertThat(incidentErrors).isGreaterThan(4 * calmErrors);
    }

    /**
     * At night (04:00, the quietest hour) the default 3 records/s leave about three log events a minute: each event of
     * an incident must still bring order-analytics' minimum of 5 errors a minute on average, or no alert is raised.
     */
    @Test
    void oneLogEventOfAnIncidentBringsEnoughErrorsForASpikeEvenAtNight() {
        LogGenerator logs = new LogGenerator("t");
        RandomGenerator random = new java.util.Random(11);
        LocalDateTime night = LocalDateTime.of(2026, 12, 2, 4, 21);
        double logEventsPerMinute = SimulatorSettings.DEFAULT_RATE * 60 * TrafficGenerator.LOG_SHARE
                * new TrafficRhythm().relativeIntensity(night);
        double errorsPerEvent = errors(logs, night, random) / 2000.0;
        assertThat(logEventsPerMinute * errorsPerEvent).isGreaterThan(5 * 2);
    }

    private static long errors(LogGenerator logs, LocalDateTime time, RandomGenerator random) {
        long errors = 0;
        for (int i = 0; i < 2000; i++) {
            for (Draft line : logs.next(time, random)) {
                if ("ERROR".equals(line.fields().get("level"))) {
                    errors++;
                }
            }
        }
        return errors;
    }
}
