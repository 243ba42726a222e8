package io.keliu.analytics.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The texts most similar to a text, by cosine similarity of their vectors, found exactly through an inverted index
 * (term → texts holding it): only texts sharing a term with the query are scored. Not thread-safe (one score buffer).
 */
public final class SimilarTexts {

    /** @param text the index of a text in the list the index was built from */
    public record Neighbour(int text, double similarity) {
    }

    /** Most similar first; equally similar texts in list order. */
    private static final Comparator<Neighbour> BEST_FIRST = Comparator.comparingDouble(Neighbour::similarity)
            .reversed().thenComparingInt(Neighbour::text);

    private final List<SparseVector> vectors;
    private final int[][] postingTexts;
    private final double[][] postingWeights;
    private final double[] scores;
    private final int[] touched;

    private SimilarTexts(List<SparseVector> vectors, int[][] postingTexts, double[][] postingWeights) {
        this.vectors = vectors;
        this.postingTexts = postingTexts;
        this.postingWeights = postingWeights;
        this.scores = new double[vectors.size()];
        this.touched = new int[vectors.size()];
    }

    public static SimilarTexts of(List<SparseVector> vectors) {
        int terms = vectors.stream().mapToInt(v -> v.isEmpty() ? 0 : v.terms()[v.size() - 1] + 1).max().orElse(0);
        int[] lengths = new int[terms];
        vectors.forEach(v -> {
            for (int term : v.terms()) {
                lengths[term]++;
            }
        });
        int[][] texts = new int[terms][];
        double[][] weights = new double[terms][];
        for (int t = 0; t < terms; t++) {
            texts[t] = new int[lengths[t]];
            weights[t] = new double[lengths[t]];
        }
        int[] filled = new int[terms];
        for (int i = 0; i < vectors.size(); i++) {
            SparseVector v = vectors.get(i);
            for (int k = 0; k < v.size(); k++) {
                int term = v.terms()[k];
                texts[term][filled[term]] = i;
                weights[term][filled[term]++] = v.weights()[k];
            }
        }
        return new SimilarTexts(List.copyOf(vectors), texts, weights);
    }

    /** The {@code limit} texts most similar to text {@code text} (itself left out), those sharing no term never. */
    public List<Neighbour> nearest(int text, int limit) {
        return nearest(vectors.get(text), limit, text);
    }

    /** The {@code limit} texts most similar to {@code query}, leaving out text {@code exclude} (-1: none). */
    public List<Neighbour> nearest(SparseVector query, int limit, int exclude) {
        int count = 0;
        for (int k = 0; k < query.size(); k++) {
            int term = query.terms()[k];
            if (term >= postingTexts.length) {
                continue;
            }
            double weight = query.weights()[k];
            int[] texts = postingTexts[term];
            double[] weights = postingWeights[term];
            for (int p = 0; p < texts.length; p++) {
                if (scores[texts[p]] == 0) {
                    touched[count++] = texts[p];
                }
                scores[texts[p]] += weight * weights[p];
            }
        }
        PriorityQueue<Neighbour> best = new PriorityQueue<>(BEST_FIRST.reversed());
        for (int c = 0; c < count; c++) {
            int candidate = touched[c];
            if (candidate != exclude && limit > 0) {
                best.add(new Neighbour(candidate, scores[candidate]));
                if (best.size() > limit) {
                    best.poll();
                }
            }
            scores[candidate] = 0;
        }
        List<Neighbour> result = new ArrayList<>(best);
        result.sort(BEST_FIRST);
        return result;
    }

    public int size() {
        return vectors.size();
    }
}
