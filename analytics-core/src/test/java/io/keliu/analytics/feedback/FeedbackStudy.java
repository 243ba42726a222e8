package io.keliu.analytics.feedback;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The figures of docs/analytics.md, "Feedback topics", on the hand-labelled set: precision of the most similar
 * texts for words and for character bigrams, topic purity by threshold, repeats found by threshold. Not a unit test:
 * run it with {@code bench/feedback.sh} (SimilarityQualityTest asserts floors under these figures).
 */
public final class FeedbackStudy {

    private FeedbackStudy() {
    }

    public static void main(String[] args) {
        LabelledFeedback set = LabelledFeedback.load();
        IntPredicate chinese = i -> LabelledFeedback.isChinese(set.texts().get(i).text());
        System.out.println("| tokens | P@1 | P@5 | P@10 | P@5 Chinese | P@5 English |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (String name : List.of("words", "bigrams")) {
            Tokenizer tokenizer = Tokenizer.named(name);
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name,
                    set.precisionAt(1, tokenizer, i -> true), set.precisionAt(5, tokenizer, i -> true),
                    set.precisionAt(10, tokenizer, i -> true), set.precisionAt(5, tokenizer, chinese),
                    set.precisionAt(5, tokenizer, chinese.negate()));
        }
        System.out.println();
        System.out.println("| tokens | threshold | topics | of 3+ texts | texts in them | purity |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        List<FeedbackText> base = set.base().stream().map(set.texts()::get).toList();
        for (String name : List.of("words", "bigrams")) {
            for (double threshold : new double[] {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
                topics(set, base, name, threshold);
            }
        }
        System.out.println();
        System.out.println("| duplicate threshold | repeats found (of 8) | false repeats |");
        System.out.println("| ---: | ---: | ---: |");
        for (double threshold : new double[] {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
            repeats(set, threshold);
        }
    }

    private static void topics(LabelledFeedback set, List<FeedbackText> base, String tokens, double threshold) {
        FeedbackAnalysis.Result result = FeedbackAnalysis.analyse(base, new FeedbackAnalysis.Settings(
                Tokenizer.named(tokens), threshold, 0.5, Duration.ofDays(7), 0, 3));
        Map<Integer, Map<String, Integer>> labelsOfTopic = new HashMap<>();
        for (int i = 0; i < base.size(); i++) {
            labelsOfTopic.computeIfAbsent(result.texts().get(i).topic(), t -> new HashMap<>())
                    .merge(set.labels().get(set.base().get(i)), 1, Integer::sum);
        }
        int majority = labelsOfTopic.values().stream()
                .mapToInt(counts -> counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).sum();
        List<FeedbackAnalysis.Topic> large = result.topics().stream().filter(t -> t.size() >= 3).toList();
        System.out.printf(Locale.ROOT, "| %s | %.2f | %d | %d | %d | %.3f |%n", tokens, threshold,
                result.topics().size(), large.size(), large.stream().mapToInt(FeedbackAnalysis.Topic::size).sum(),
                (double) majority / base.size());
    }

    private static void repeats(LabelledFeedback set, double threshold) {
        FeedbackAnalysis.Result result = FeedbackAnalysis.analyse(set.texts(), new FeedbackAnalysis.Settings(
                Tokenizer.words(), FeedbackAnalysis.Settings.TOPIC_THRESHOLD, threshold, Duration.ofDays(7), 0, 3));
        int found = 0;
        int wrong = 0;
        for (int i = 0; i < set.texts().size(); i++) {
            String expected = set.repeatOf().get(i);
            String actual = result.texts().get(i).duplicateOf();
            if (actual != null && actual.equals(expected)) {
                found++;
            } else if (actual != null) {
                wrong++;
            }
        }
        System.out.printf(Locale.ROOT, "| %.1f | %d | %d |%n", threshold, found, wrong);
    }
}
