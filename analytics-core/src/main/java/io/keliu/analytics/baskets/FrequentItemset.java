package io.keliu.analytics.baskets;

/**
 * Items bought together in at least the minimum number of baskets.
 *
 * @param items item codes, ascending
 * @param count baskets containing all of them
 */
public record FrequentItemset(int[] items, int count) {
}
