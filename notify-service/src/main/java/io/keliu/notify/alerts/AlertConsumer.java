package io.keliu.notify.alerts;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.Topics;
import io.keliu.notify.delivery.Flusher;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code keliu.alerts.v1} in batches: decodes, takes the batch in one database transaction, then
 * acknowledges. A message that is no alert goes to the dead-letter topic with the reason, and the rest of the batch
 * goes on. New alerts are flushed at once instead of at the flusher's next scheduled round, so that a group due now
 * (no group wait) does not wait for it.
 */
@Component
class AlertConsumer {
    private static final Logger log = LoggerFactory.getLogger(AlertConsumer.class);

    private final AlertDecoder decoder = new AlertDecoder();
    private final AlertIntake intake;
    private final Flusher flusher;
    private final MeterRegistry metrics;

    AlertConsumer(AlertIntake intake, Flusher flusher, MeterRegistry metrics) {
        this.intake = intake;
        this.flusher = flusher;
        this.metrics = metrics;
    }

    @KafkaListener(id = "keliu-notify-alerts", topics = Topics.ALERTS, groupId = "keliu-notify", batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
        List<Alert> alerts = new ArrayList<>(records.size());
        UnusableAlert unusable = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                alerts.add(decoder.decode(record.value()));
            } catch (UnusableAlert e) {
                unusable = e;
                break;
            }
        }
        int fresh = intake.take(alerts);
        metrics.counter("keliu.notify.alerts", "outcome", "taken").increment(fresh);
        metrics.counter("keliu.notify.alerts", "outcome", "duplicate").increment(alerts.size() - fresh);
        if (fresh > 0) {
            flushNow();
        }
        if (unusable != null) {
            // the error handler commits what came before, dead-letters this record and redelivers the rest
            throw new BatchListenerFailedException(unusable.getMessage(), unusable, records.get(alerts.size()));
        }
        ack.acknowledge();
    }

    /** The alerts are committed: a failed flush is only late, as the scheduled round flushes them next. */
    private void flushNow() {
        try {
            flusher.flushDue();
        } catch (RuntimeException e) {
            log.warn("flushing new alerts failed; the next scheduled round flushes them: {}", e.toString());
        }
    }
}
