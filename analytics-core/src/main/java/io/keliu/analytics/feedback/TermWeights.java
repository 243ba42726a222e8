package io.keliu.analytics.feedback;

import java.util.Arrays;

/** Term id → weight, open addressing with linear probing: a topic's summed vector without boxing every entry. */
final class TermWeights {

    private static final int FREE = -1;

    private int[] keys = new int[16];
    private double[] values = new double[16];
    private int size;

    TermWeights() {
        Arrays.fill(keys, FREE);
    }

    double get(int term) {
        int slot = find(term);
        return keys[slot] == FREE ? 0 : values[slot];
    }

    /** Adds to a term's weight; returns the weight it had (0 for a new term). */
    double add(int term, double weight) {
        int slot = find(term);
        if (keys[slot] == FREE) {
            keys[slot] = term;
            values[slot] = weight;
            if (++size * 2 > keys.length) {
                grow();
            }
            return 0;
        }
        double before = values[slot];
        values[slot] += weight;
        return before;
    }

    int size() {
        return size;
    }

    /** The terms held, in no particular order. */
    int[] terms() {
        int[] terms = new int[size];
        int n = 0;
        for (int key : keys) {
            if (key != FREE) {
                terms[n++] = key;
            }
        }
        return terms;
    }

    private int find(int term) {
        int mask = keys.length - 1;
        int slot = (term * 0x9E3779B9) >>> 1 & mask;
        while (keys[slot] != FREE && keys[slot] != term) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        double[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new double[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
