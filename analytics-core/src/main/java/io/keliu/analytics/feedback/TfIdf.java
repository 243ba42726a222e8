package io.keliu.analytics.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Term weights learnt from a collection of texts. A term {@code t} that occurs {@code tf} times in a text weighs
 * {@code (1 + ln tf) * idf(t)} there, with the smoothed inverse document frequency
 * {@code idf(t) = ln((1 + N) / (1 + df(t))) + 1} ({@code N} texts counted, {@code df(t)} of them hold {@code t}), and
 * the text's vector is scaled to unit length. A term never counted is as rare as a term can be ({@code df = 0}).
 * These are scikit-learn's {@code TfidfVectorizer(sublinear_tf=True)} weights. Not thread-safe: a term seen for the
 * first time takes the next id.
 */
public final class TfIdf {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> terms = new ArrayList<>();
    private int[] documentFrequency = new int[64];
    private int documents;

    /** Counts every text's terms. */
    public static TfIdf fit(List<List<String>> texts) {
        TfIdf model = new TfIdf();
        texts.forEach(model::count);
        return model;
    }

    /** Counts one more text: each of its distinct terms occurs in one more text. */
    public void count(List<String> tokens) {
        documents++;
        for (String token : new HashSet<>(tokens)) {
            int id = id(token); // first: a new term may grow the array
            documentFrequency[id]++;
        }
    }

    /** The unit vector of a text's tokens, with the weights of the texts counted so far. */
    public SparseVector vector(List<String> tokens) {
        Map<Integer, Integer> frequency = new TreeMap<>();
        for (String token : tokens) {
            frequency.merge(id(token), 1, Integer::sum);
        }
        int[] termIds = new int[frequency.size()];
        double[] weights = new double[frequency.size()];
        double squares = 0;
        int i = 0;
        for (Map.Entry<Integer, Integer> entry : frequency.entrySet()) {
            termIds[i] = entry.getKey();
            weights[i] = (1 + Math.log(entry.getValue())) * idf(entry.getKey());
            squares += weights[i] * weights[i];
            i++;
        }
        double norm = Math.sqrt(squares);
        for (int j = 0; j < weights.length; j++) {
            weights[j] /= norm;
        }
        return termIds.length == 0 ? SparseVector.EMPTY : new SparseVector(termIds, weights);
    }

    public double idf(int term) {
        return Math.log((1.0 + documents) / (1.0 + documentFrequency[term])) + 1;
    }

    public String term(int id) {
        return terms.get(id);
    }

    /** Texts counted. */
    public int documents() {
        return documents;
    }

    /** Distinct terms seen. */
    public int vocabulary() {
        return terms.size();
    }

    private int id(String token) {
        Integer id = ids.get(token);
        if (id != null) {
            return id;
        }
        int next = terms.size();
        ids.put(token, next);
        terms.add(token);
        if (next == documentFrequency.length) {
            documentFrequency = Arrays.copyOf(documentFrequency, next * 2);
        }
        return next;
    }
}
