package io.keliu.analytics.feedback;

import java.time.Instant;

/**
 * One customer's text, as the analysis needs it.
 *
 * @param userId    null when the customer is unknown
 * @param createdAt null when unknown
 */
public record FeedbackText(String feedbackId, String userId, Instant createdAt, String text) {
}
