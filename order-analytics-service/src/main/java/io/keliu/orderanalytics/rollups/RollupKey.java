package io.keliu.orderanalytics.rollups;

import java.util.Comparator;

/**
 * One row of a rollup table.
 *
 * @param bucket the hour's start in epoch seconds ({@link Resolution#HOUR}) or the epoch day ({@link Resolution#DAY})
 * @param member the dimension's value; "" for {@link Dimension#ALL}
 */
public record RollupKey(Resolution resolution, long bucket, Dimension dimension, String member)
        implements Comparable<RollupKey> {
    /** Rows are written in this order, so that concurrent batches lock shared rows in the same order. */
    private static final Comparator<RollupKey> ORDER = Comparator.comparing(RollupKey::resolution)
            .thenComparing(RollupKey::dimension).thenComparingLong(RollupKey::bucket)
            .thenComparing(RollupKey::member);

    public enum Resolution { HOUR, DAY }

    @Override
    public int compareTo(RollupKey other) {
        return ORDER.compare(this, other);
    }
}
