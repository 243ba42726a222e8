package io.keliu.analytics.feedback;

import java.util.Arrays;

/**
 * A text's vector: the ids of the terms it holds, ascending, and their weights, with unit length (or no terms at
 * all), so that the dot product of two vectors is their cosine similarity.
 */
public record SparseVector(int[] terms, double[] weights) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    public int size() {
        return terms.length;
    }

    public boolean isEmpty() {
        return terms.length == 0;
    }

    /** The cosine similarity of two unit vectors: 0 when they share no term (or one is empty), 1 when equal. */
    public double cosine(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < terms.length && j < other.terms.length) {
            if (terms[i] == other.terms[j]) {
                sum += weights[i++] * other.weights[j++];
            } else if (terms[i] < other.terms[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(terms, v.terms) && Arrays.equals(weights, v.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(terms) + Arrays.toString(weights);
    }
}
