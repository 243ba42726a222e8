package io.keliu.analytics.feedback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A batch of feedback texts analysed together: TF-IDF vectors learnt from the batch, each text's most similar texts,
 * topics by incremental clustering in the order of the list, and repeats by the same customer.
 */
public final class FeedbackAnalysis {

    /** Texts shown per topic. */
    public static final int EXAMPLES = 3;

    /**
     * @param topicThreshold     cosine similarity at which a text joins a topic
     * @param duplicateThreshold cosine similarity at which a customer's text repeats their earlier one
     * @param duplicateWindow    how far apart in time a repeat may be
     * @param neighbours         most similar texts listed per text (0: none)
     * @param labelTerms         terms in a topic's label
     */
    public record Settings(Tokenizer tokenizer, double topicThreshold, double duplicateThreshold,
                           Duration duplicateWindow, int neighbours, int labelTerms) {

        public static final double TOPIC_THRESHOLD = 0.2;
        public static final double DUPLICATE_THRESHOLD = 0.5;
        public static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);

        public static Settings defaults() {
            return new Settings(Tokenizer.words(), TOPIC_THRESHOLD, DUPLICATE_THRESHOLD, DUPLICATE_WINDOW, 5, 4);
        }
    }

    /** @param duplicateOf the id of the first text this one repeats, null when it repeats none */
    public record TextResult(String feedbackId, Integer topic, String duplicateOf, List<Similar> similar) {
    }

    public record Similar(String feedbackId, double similarity) {
    }

    /**
     * @param size         texts in the topic
     * @param distinctSize texts in the topic, a repeat by the same customer counted with the text it repeats
     * @param label        the topic's heaviest terms
     * @param examples     its first texts that repeat no other
     */
    public record Topic(int topic, List<String> label, int size, int distinctSize, List<FeedbackText> examples) {
    }

    /** @param topics largest first (by distinct size, then size, then age) */
    public record Result(int vocabulary, List<Topic> topics, List<TextResult> texts) {
    }

    private FeedbackAnalysis() {
    }

    public static Result analyse(List<FeedbackText> texts, Settings settings) {
        List<List<String>> tokens = texts.stream().map(t -> settings.tokenizer().tokens(t.text())).toList();
        TfIdf model = TfIdf.fit(tokens);
        List<SparseVector> vectors = tokens.stream().map(model::vector).toList();
        TopicClustering clustering = new TopicClustering(settings.topicThreshold());
        NearDuplicates repeats = new NearDuplicates(settings.duplicateThreshold(), settings.duplicateWindow());
        int[] topicOf = new int[texts.size()];
        int[] repeatOf = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            FeedbackText text = texts.get(i);
            topicOf[i] = clustering.assign(vectors.get(i));
            repeatOf[i] = repeats.add(text.userId(), text.createdAt(), vectors.get(i));
        }
        SimilarTexts index = settings.neighbours() > 0 ? SimilarTexts.of(vectors) : null;
        List<TextResult> results = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            results.add(new TextResult(texts.get(i).feedbackId(),
                    topicOf[i] == TopicClustering.NONE ? null : topicOf[i],
                    repeatOf[i] == NearDuplicates.NONE ? null : texts.get(repeatOf[i]).feedbackId(),
                    index == null ? List.of() : similar(index, i, settings.neighbours(), texts)));
        }
        return new Result(model.vocabulary(), topics(texts, clustering, model, topicOf, repeatOf, settings),
                results);
    }

    private static List<Similar> similar(SimilarTexts index, int text, int limit, List<FeedbackText> texts) {
        return index.nearest(text, limit).stream()
                .map(n -> new Similar(texts.get(n.text()).feedbackId(), n.similarity())).toList();
    }

    private static List<Topic> topics(List<FeedbackText> texts, TopicClustering clustering, TfIdf model,
                                      int[] topicOf, int[] repeatOf, Settings settings) {
        int[] distinct = new int[clustering.topics()];
        List<List<FeedbackText>> examples = new ArrayList<>();
        for (int t = 0; t < clustering.topics(); t++) {
            examples.add(new ArrayList<>());
        }
        for (int i = 0; i < texts.size(); i++) {
            if (topicOf[i] != TopicClustering.NONE && repeatOf[i] == NearDuplicates.NONE) {
                distinct[topicOf[i]]++;
                if (examples.get(topicOf[i]).size() < EXAMPLES) {
                    examples.get(topicOf[i]).add(texts.get(i));
                }
            }
        }
        List<Topic> topics = new ArrayList<>();
        for (int t = 0; t < clustering.topics(); t++) {
            List<String> label = clustering.termsByWeight(t).mapToObj(model::term)
                    .filter(settings.tokenizer()::isLabel).limit(settings.labelTerms()).toList();
            topics.add(new Topic(t, label, clustering.size(t), distinct[t], List.copyOf(examples.get(t))));
        }
        topics.sort(Comparator.comparingInt(Topic::distinctSize).reversed()
                .thenComparing(Comparator.comparingInt(Topic::size).reversed())
                .thenComparingInt(Topic::topic));
        return topics;
    }
}
