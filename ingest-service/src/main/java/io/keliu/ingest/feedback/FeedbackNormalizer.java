package io.keliu.ingest.feedback;

import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.FeedbackChannel;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.ingest.records.FieldReader;
import io.keliu.ingest.records.RecordNormalizer;

import java.time.Clock;
import java.time.Instant;

import static io.keliu.ingest.feedback.FeedbackFields.*;

/**
 * Validates a customer service interaction; see docs/contracts.md. Status and resolution time must agree: a case is
 * RESOLVED exactly when it says when it was resolved; without a status, that time decides it.
 */
final class FeedbackNormalizer extends RecordNormalizer<Feedback> {

    FeedbackNormalizer(Timestamps timestamps, Clock clock) {
        super(FIELDS, timestamps, clock);
    }

    @Override
    protected Feedback read(FieldReader in) {
        String feedbackId = in.requiredId(FEEDBACK_ID, 64);
        String userId = in.optionalId(USER_ID, 64);
        String orderId = in.optionalId(ORDER_ID, 64);
        FeedbackKind kind = in.requiredWord(KIND, FeedbackKind.WORDS);
        FeedbackChannel channel = in.optionalWord(CHANNEL, FeedbackChannel.WORDS);
        Integer rating = in.optionalInteger(RATING, Feedback.MIN_RATING, Feedback.MAX_RATING);
        String text = in.requiredProse(TEXT, Feedback.MAX_TEXT);
        Instant createdAt = in.requiredInstant(CREATED_AT);
        FeedbackStatus status = in.optionalWord(STATUS, FeedbackStatus.WORDS);
        Instant resolvedAt = in.optionalInstant(RESOLVED_AT);
        Instant updatedAt = in.optionalInstant(UPDATED_AT);
        if (in.hasErrors()) {
            return null;
        }
        if (resolvedAt != null && resolvedAt.isBefore(createdAt)) {
            in.reject(RESOLVED_AT, "is before created_at; a case is resolved after it was raised, check the dates");
        } else if (status == null) {
            status = resolvedAt == null ? FeedbackStatus.OPEN : FeedbackStatus.RESOLVED;
        } else if (status == FeedbackStatus.RESOLVED && resolvedAt == null) {
            in.reject(RESOLVED_AT, "is empty but the status is RESOLVED; give the time the case was resolved");
        } else if (status != FeedbackStatus.RESOLVED && resolvedAt != null) {
            in.reject(STATUS, "is " + status + " but resolved_at is set; a reopened case has no resolved_at, a "
                    + "resolved one the status RESOLVED");
        }
        return new Feedback(feedbackId, userId, orderId, kind, channel, rating, text, createdAt, status, resolvedAt,
                updatedAt);
    }
}
