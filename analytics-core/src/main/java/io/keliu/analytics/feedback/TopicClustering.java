package io.keliu.analytics.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Incremental (single-pass) clustering of texts into topics: a text joins the topic whose centroid is most similar
 * to it, when that cosine similarity is at least the threshold, and starts a new topic otherwise. A topic's centroid
 * is the sum of its texts' unit vectors, so it moves as texts join; the result depends on the order texts arrive
 * in, as it would in a live stream. Only topics sharing a term with the text are compared (an inverted index from
 * term to topics). A text without terms joins no topic. Not thread-safe.
 */
public final class TopicClustering {

    /** No topic: the text has no terms. */
    public static final int NONE = -1;

    /** @param topic {@link #NONE} when no topic shares a term */
    public record Match(int topic, double similarity) {
    }

    private final double threshold;
    private final List<Topic> topics = new ArrayList<>();
    /** term → the topics whose centroid holds it, each once, in the order they took it. */
    private int[][] topicsOfTerm = new int[64][];
    private int[] topicsOfTermSize = new int[64];
    private double[] scores = new double[16];
    private int[] touched = new int[16];

    /** @param threshold the cosine similarity at which a text joins a topic, in (0, 1] */
    public TopicClustering(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the topic threshold must be in (0, 1], not " + threshold);
        }
        this.threshold = threshold;
    }

    /** Puts a text into its topic (an existing one or a new one) and returns the topic's number. */
    public int assign(SparseVector text) {
        if (text.isEmpty()) {
            return NONE;
        }
        Match nearest = nearest(text);
        int topic = nearest.topic() != NONE && nearest.similarity() >= threshold ? nearest.topic() : newTopic();
        join(topic, text);
        return topic;
    }

    /** The topic most similar to a text and the similarity, without adding the text; ties go to the older topic. */
    public Match nearest(SparseVector text) {
        int count = 0;
        for (int k = 0; k < text.size(); k++) {
            int term = text.terms()[k];
            if (term >= topicsOfTerm.length) {
                continue;
            }
            for (int p = 0; p < topicsOfTermSize[term]; p++) {
                int topic = topicsOfTerm[term][p];
                if (scores[topic] == 0) {
                    touched[count++] = topic;
                }
                scores[topic] += text.weights()[k] * topics.get(topic).sum.get(term);
            }
        }
        int best = NONE;
        double bestSimilarity = 0;
        for (int c = 0; c < count; c++) {
            int topic = touched[c];
            double similarity = scores[topic] / topics.get(topic).norm();
            scores[topic] = 0;
            if (similarity > bestSimilarity || similarity == bestSimilarity && topic < best) {
                best = topic;
                bestSimilarity = similarity;
            }
        }
        return new Match(best, bestSimilarity);
    }

    public int topics() {
        return topics.size();
    }

    /** Texts in a topic. */
    public int size(int topic) {
        return topics.get(topic).size;
    }

    /** The ids of a topic's terms, heaviest in its centroid first (equal weights: lower id first). */
    public IntStream termsByWeight(int topic) {
        TermWeights sum = topics.get(topic).sum;
        return Arrays.stream(sum.terms()).boxed()
                .sorted(Comparator.comparingDouble((Integer term) -> -sum.get(term)).thenComparing(term -> term))
                .mapToInt(Integer::intValue);
    }

    private int newTopic() {
        topics.add(new Topic());
        if (topics.size() > scores.length) {
            scores = Arrays.copyOf(scores, scores.length * 2);
            touched = Arrays.copyOf(touched, touched.length * 2);
        }
        return topics.size() - 1;
    }

    private void join(int topicId, SparseVector text) {
        Topic topic = topics.get(topicId);
        topic.size++;
        for (int k = 0; k < text.size(); k++) {
            int term = text.terms()[k];
            double weight = text.weights()[k];
            double before = topic.sum.add(term, weight);
            topic.squares += 2 * before * weight + weight * weight;
            if (before == 0) {
                index(term, topicId);
            }
        }
    }

    private void index(int term, int topic) {
        if (term >= topicsOfTerm.length) {
            int length = Math.max(term + 1, topicsOfTerm.length * 2);
            topicsOfTerm = Arrays.copyOf(topicsOfTerm, length);
            topicsOfTermSize = Arrays.copyOf(topicsOfTermSize, length);
        }
        int[] list = topicsOfTerm[term];
        int size = topicsOfTermSize[term];
        if (list == null || size == list.length) {
            list = list == null ? new int[4] : Arrays.copyOf(list, size * 2);
            topicsOfTerm[term] = list;
        }
        list[size] = topic;
        topicsOfTermSize[term] = size + 1;
    }

    private static final class Topic {
        final TermWeights sum = new TermWeights();
        /** The squared length of {@link #sum}, kept up to date as texts join. */
        double squares;
        int size;

        double norm() {
            return Math.sqrt(squares);
        }
    }
}
