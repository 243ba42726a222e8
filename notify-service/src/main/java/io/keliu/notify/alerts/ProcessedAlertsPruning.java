package io.keliu.notify.alerts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Forgets processed publications after 30 days: the alerts topic keeps 7 days (Kafka's default), so no redelivery
 * can bring one back after that.
 */
@Component
class ProcessedAlertsPruning {
    private static final Duration KEEP = Duration.ofDays(30);
    private final AlertIntake intake;
    private final Clock clock;

    ProcessedAlertsPruning(AlertIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void prune() {
        intake.prune(clock.instant().minus(KEEP));
    }
}
