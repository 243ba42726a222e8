package io.keliu.contracts.v1;

import java.time.Instant;

/**
 * A customer service interaction (seed 003: 咨询, 反馈, 投诉, 表扬): one inquiry, piece of feedback, complaint or praise,
 * as the service desk records it, and its handling. {@code resolvedAt} is set exactly when {@code status} is
 * RESOLVED.
 *
 * @param userId    null when the customer is not known (a call from a number with no account)
 * @param orderId   the order it is about, null when none
 * @param rating    the customer's satisfaction 1 (worst) to 5, null when not given
 * @param text      what the customer said, 1 to 10,000 characters, Chinese or English
 * @param updatedAt when the source last changed the case; it orders versions (the newest wins)
 */
public record Feedback(
        String feedbackId,
        String userId,
        String orderId,
        FeedbackKind kind,
        FeedbackChannel channel,
        Integer rating,
        String text,
        Instant createdAt,
        FeedbackStatus status,
        Instant resolvedAt,
        Instant updatedAt) {
    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;
    public static final int MAX_TEXT = 10_000;
}
