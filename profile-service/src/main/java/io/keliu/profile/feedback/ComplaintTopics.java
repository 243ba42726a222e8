package io.keliu.profile.feedback;

import io.keliu.analytics.feedback.FeedbackAnalysis;
import io.keliu.analytics.feedback.FeedbackText;
import io.keliu.analytics.feedback.SimilarTexts;
import io.keliu.analytics.feedback.TfIdf;
import io.keliu.analytics.feedback.Tokenizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The complaints analysed together by the analytics library (docs/analytics.md, "Feedback topics"): TF-IDF vectors,
 * incremental topics in the order complaints were raised, the same customer's repeats, and an index of the most
 * similar complaints. Analysed again every {@code keliu.feedback.analysis-interval}; readers see the latest analysis
 * whole, and topic numbers are those of that analysis.
 */
@Component
public class ComplaintTopics {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Tokenizer tokenizer = Tokenizer.words();
    private volatile Analysis latest;

    ComplaintTopics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.latest = new Analysis(clock.instant(), List.of(), Map.of(), new FeedbackAnalysis.Result(0, List.of(),
                List.of()), SimilarTexts.of(List.of()));
    }

    /**
     * One complaint with what it links to.
     *
     * @param province   of the order it names, else of the customer; null when neither is known
     * @param categories of the order it names
     */
    public record Complaint(String feedbackId, String userId, Instant createdAt, String text, String province,
                            List<String> categories) {
    }

    /** @param byId index in {@code complaints} and in the result's texts */
    public record Analysis(Instant analysedAt, List<Complaint> complaints, Map<String, Integer> byId,
                           FeedbackAnalysis.Result result, SimilarTexts similar) {

        public Integer topicOf(String feedbackId) {
            Integer i = byId.get(feedbackId);
            return i == null ? null : result.texts().get(i).topic();
        }

        /** Whether the complaint counts on its own (it repeats no earlier complaint of its customer). */
        public boolean distinct(int complaint) {
            return result.texts().get(complaint).duplicateOf() == null;
        }
    }

    public Analysis latest() {
        return latest;
    }

    /** Analyses every complaint again; returns the new analysis. */
    public synchronized Analysis analyse() {
        List<Complaint> complaints = jdbc.sql("""
                        SELECT f.feedback_id, f.user_id, f.created_at, f.text,
                               coalesce((SELECT l.province FROM profiles.order_lines l
                                         WHERE l.order_id = f.order_id AND l.province IS NOT NULL LIMIT 1),
                                        c.province) AS province,
                               (SELECT array_agg(DISTINCT l.category ORDER BY l.category) FROM profiles.order_lines l
                                WHERE l.order_id = f.order_id AND l.category IS NOT NULL) AS categories
                        FROM profiles.feedback f LEFT JOIN profiles.customers c ON c.user_id = f.user_id
                        WHERE f.kind = 'COMPLAINT' ORDER BY f.created_at, f.feedback_id""")
                .query((row, n) -> new Complaint(row.getString(1), row.getString(2),
                        row.getTimestamp(3).toInstant(), row.getString(4), row.getString(5),
                        strings(row.getArray(6))))
                .list();
        List<FeedbackText> texts = complaints.stream()
                .map(c -> new FeedbackText(c.feedbackId(), c.userId(), c.createdAt(), c.text())).toList();
        FeedbackAnalysis.Settings defaults = FeedbackAnalysis.Settings.defaults();
        FeedbackAnalysis.Result result = FeedbackAnalysis.analyse(texts, new FeedbackAnalysis.Settings(tokenizer,
                defaults.topicThreshold(), defaults.duplicateThreshold(), defaults.duplicateWindow(), 0,
                defaults.labelTerms()));
        List<List<String>> tokens = texts.stream().map(t -> tokenizer.tokens(t.text())).toList();
        TfIdf weights = TfIdf.fit(tokens);
        SimilarTexts similar = SimilarTexts.of(tokens.stream().map(weights::vector).toList());
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < complaints.size(); i++) {
            byId.put(complaints.get(i).feedbackId(), i);
        }
        latest = new Analysis(clock.instant(), complaints, byId, result, similar);
        return latest;
    }

    /** The complaints most similar to one, most similar first; empty when it is not a complaint analysed yet. */
    public Optional<List<SimilarTexts.Neighbour>> similar(String feedbackId, int limit) {
        Analysis analysis = latest;
        Integer i = analysis.byId().get(feedbackId);
        if (i == null) {
            return Optional.empty();
        }
        synchronized (analysis.similar()) {
            return Optional.of(analysis.similar().nearest(i, limit));
        }
    }

    /** Distinct complaints of each topic raised in [from, to). */
    public static Map<Integer, Long> distinctCounts(Analysis analysis, Instant from, Instant to) {
        Map<Integer, Long> counts = new HashMap<>();
        for (int i = 0; i < analysis.complaints().size(); i++) {
            Instant at = analysis.complaints().get(i).createdAt();
            Integer topic = analysis.result().texts().get(i).topic();
            if (topic != null && analysis.distinct(i) && !at.isBefore(from) && at.isBefore(to)) {
                counts.merge(topic, 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * The usual daily count of each topic's distinct complaints: the median over the {@code days} whole days (24 h
     * each) before {@code end}.
     */
    public static Map<Integer, Double> usualPerDay(Analysis analysis, Instant end, int days) {
        Map<Integer, long[]> perDay = new HashMap<>();
        for (int d = 0; d < days; d++) {
            Instant to = end.minus(Duration.ofDays(d));
            int day = d;
            distinctCounts(analysis, to.minus(Duration.ofDays(1)), to).forEach((topic, n) ->
                    perDay.computeIfAbsent(topic, t -> new long[days])[day] = n);
        }
        Map<Integer, Double> usual = new HashMap<>();
        perDay.forEach((topic, counts) -> {
            long[] sorted = counts.clone();
            Arrays.sort(sorted);
            usual.put(topic, days % 2 == 1 ? sorted[days / 2] : (sorted[days / 2 - 1] + sorted[days / 2]) / 2.0);
        });
        return usual;
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
