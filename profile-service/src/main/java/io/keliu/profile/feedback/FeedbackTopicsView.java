package io.keliu.profile.feedback;

import io.keliu.profile.feedback.ComplaintTopics.Analysis;
import io.keliu.profile.feedback.ComplaintTopics.Complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the topics API and the spike alerts show of each complaint topic over a period (docs/profiles.md). */
final class FeedbackTopicsView {
    private static final int EXAMPLES = 3;
    private static final int TOP = 5;

    private FeedbackTopicsView() {
    }

    record Count(String name, long complaints) {
    }

    /**
     * @param complaints  the topic's complaints raised in the period
     * @param distinct    of those, the ones that repeat no earlier complaint of the same customer
     * @param last24h     distinct complaints of the 24 h before the period's end
     * @param usualPerDay the usual daily count of distinct complaints (median of the days before those 24 h)
     * @param growth      {@code last24h / max(usualPerDay, 1)}
     * @param examples    the first distinct complaints of the period
     * @param categories  product categories of the orders the distinct complaints name, most named first
     * @param regions     provinces of those orders (else of the customers), most named first
     */
    record Topic(int topic, List<String> label, long complaints, long distinct, long last24h, double usualPerDay,
                 double growth, List<String> examples, List<Count> categories, List<Count> regions) {
    }

    /** The topics with complaints in [from, to), the most distinct complaints first. */
    static List<Topic> topics(Analysis analysis, Instant from, Instant to, Map<Integer, Double> usual) {
        Map<Integer, Long> last24h = ComplaintTopics.distinctCounts(analysis, to.minus(Duration.ofDays(1)), to);
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < analysis.complaints().size(); i++) {
            Instant at = analysis.complaints().get(i).createdAt();
            Integer topic = analysis.result().texts().get(i).topic();
            if (topic != null && !at.isBefore(from) && at.isBefore(to)) {
                members.computeIfAbsent(topic, t -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, List<String>> labels = new HashMap<>();
        analysis.result().topics().forEach(t -> labels.put(t.topic(), t.label()));
        List<Topic> topics = new ArrayList<>();
        members.forEach((topic, complaints) -> {
            List<Complaint> distinct = complaints.stream().filter(analysis::distinct)
                    .map(analysis.complaints()::get).toList();
            double baseline = usual.getOrDefault(topic, 0.0);
            long recent = last24h.getOrDefault(topic, 0L);
            topics.add(new Topic(topic, labels.get(topic), complaints.size(), distinct.size(), recent, baseline,
                    recent / Math.max(baseline, 1), distinct.stream().limit(EXAMPLES).map(Complaint::text).toList(),
                    top(distinct.stream().flatMap(c -> c.categories().stream()).toList()),
                    top(distinct.stream().map(Complaint::province).filter(p -> p != null).toList())));
        });
        topics.sort(Comparator.comparingLong(Topic::distinct).reversed().thenComparingInt(Topic::topic));
        return topics;
    }

    private static List<Count> top(List<String> names) {
        Map<String, Long> counts = new HashMap<>();
        names.forEach(name -> counts.merge(name, 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }
}
