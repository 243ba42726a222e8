package io.keliu.ingest.feedback;

import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.contracts.v1.Topics;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.ingest.store.UpsertStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class FeedbackIngest {

    /** Change events are keyed by customer, as orders are, so one consumer sees all of a customer's interactions. */
    @Bean
    IngestKind<Feedback> feedbackKind(Timestamps timestamps, Clock clock) {
        return new IngestKind<>("feedback", FeedbackFields.FIELDS, new FeedbackNormalizer(timestamps, clock),
                new UpsertStore<>(new FeedbackTable()), Topics.RAW_FEEDBACK, Topics.FEEDBACK,
                Feedback::feedbackId,
                feedback -> feedback.userId() != null ? feedback.userId() : feedback.feedbackId());
    }
}
