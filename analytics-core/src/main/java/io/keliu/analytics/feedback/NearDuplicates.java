package io.keliu.analytics.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same customer saying the same thing again: a text repeats an earlier one when both come from the same known
 * customer, their cosine similarity is at least the threshold, and they were written within the window of each other
 * (when both have a time). A repeat counts as the text it repeats (the first of the chain), so that a complaint
 * counted in a spike is counted once. Texts without a customer repeat nothing: two strangers writing the same words
 * are two complaints.
 */
public final class NearDuplicates {

    /** Not a repeat. */
    public static final int NONE = -1;

    private final double threshold;
    private final Duration window;
    private final Map<String, List<Seen>> byCustomer = new HashMap<>();
    private int added;

    private record Seen(int original, Instant createdAt, SparseVector vector) {
    }

    /** @param threshold cosine similarity in (0, 1]; @param window how far apart in time a repeat may be */
    public NearDuplicates(double threshold, Duration window) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the duplicate threshold must be in (0, 1], not " + threshold);
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("the duplicate window must not be negative");
        }
        this.threshold = threshold;
        this.window = window;
    }

    /**
     * Takes the next text (texts are numbered 0, 1, … in the order added) and returns the number of the first text of
     * the chain it repeats, or {@link #NONE}.
     *
     * @param customer  null or blank when unknown
     * @param createdAt null when unknown
     */
    public int add(String customer, Instant createdAt, SparseVector vector) {
        int number = added++;
        if (customer == null || customer.isBlank() || vector.isEmpty()) {
            return NONE;
        }
        List<Seen> earlier = byCustomer.computeIfAbsent(customer, c -> new ArrayList<>());
        Seen best = null;
        double bestSimilarity = threshold;
        for (Seen seen : earlier) {
            double similarity = seen.vector.cosine(vector);
            if (similarity >= bestSimilarity && withinWindow(seen.createdAt, createdAt)
                    && (best == null || similarity > bestSimilarity)) {
                best = seen;
                bestSimilarity = similarity;
            }
        }
        int original = best == null ? number : best.original;
        earlier.add(new Seen(original, createdAt, vector));
        return best == null ? NONE : original;
    }

    private boolean withinWindow(Instant a, Instant b) {
        return a == null || b == null || Duration.between(a, b).abs().compareTo(window) <= 0;
    }
}
