package io.keliu.notify.alerts;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code keliu.alerts.v1} in batches: decodes, takes the batch in one database transaction, then
 * acknowledges. A message that is no alert goes to the dead-letter topic with the reason, and the rest of the batch
 * goes on.
 */
@Component
class AlertConsumer {
    private final AlertDecoder decoder = new AlertDecoder();
    private final AlertIntake intake;
    private final MeterRegistry metrics;

    AlertConsumer(AlertIntake intake, MeterRegistry metrics) {
        this.intake = intake;
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
        if (unusable != null) {
            // the error handler commits what came before, dead-letters this record and redelivers the rest
            throw new BatchListenerFailedException(unusable.getMessage(), unusable, records.get(alerts.size()));
        }
        ack.acknowledge();
    }
}
