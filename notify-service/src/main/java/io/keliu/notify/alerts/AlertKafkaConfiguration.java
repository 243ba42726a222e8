package io.keliu.notify.alerts;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;

/**
 * Failures: an unusable alert goes straight to {@code keliu.notify.dead-letter} with the reason in a header; anything
 * else (the database away) is retried with backoff, without end, so that no alert is lost.
 */
@Configuration
class AlertKafkaConfiguration {
    static final String DEAD_LETTER_TOPIC = "keliu.notify.dead-letter";
    static final String REASON_HEADER = "keliu_dead-letter-reason";

    @Bean
    NewTopic notifyDeadLetters() {
        return TopicBuilder.name(DEAD_LETTER_TOPIC).partitions(3).build();
    }

    @Bean
    DefaultErrorHandler alertErrorHandler(KafkaOperations<Object, Object> template) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
        deadLetters.addHeadersFunction((record, failure) -> {
            org.apache.kafka.common.header.internals.RecordHeaders headers =
                    new org.apache.kafka.common.header.internals.RecordHeaders();
            headers.add(REASON_HEADER, reason(failure).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(UnusableAlert.class);
        return handler;
    }

    /** Why the record could not be used: the {@link UnusableAlert}'s words when there is one, else the root cause. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof UnusableAlert)) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
