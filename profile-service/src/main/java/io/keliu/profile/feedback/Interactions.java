package io.keliu.profile.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer's customer service cases in the 360° view (docs/profiles.md, "Interactions").
 *
 * @param byKind         cases per kind (INQUIRY, FEEDBACK, COMPLAINT, PRAISE), kinds without a case left out
 * @param meanRating     the mean of the ratings the customer gave (1–5), null when none
 * @param ratings        how many cases carry a rating
 * @param complaints     COMPLAINT cases, whatever their status
 * @param openComplaints COMPLAINT cases not RESOLVED
 * @param recent         the 10 latest cases, newest first
 */
public record Interactions(int total, Map<String, Integer> byKind, Double meanRating, int ratings, int complaints,
                           int openComplaints, List<Interaction> recent) {

    public record Interaction(String feedbackId, String kind, String channel, Integer rating, String status,
                              Instant createdAt, Instant resolvedAt, String orderId, String text) {
    }
}
