package io.keliu.orderanalytics.rollups;

/**
 * One row of a rollup table.
 *
 * @param bucket the hour's start in epoch seconds ({@link Resolution#HOUR}) or the epoch day ({@link Resolution#DAY})
 * @param member the dimension's value; "" for {@link Dimension#ALL}
 */
public record RollupKey(Resolution resolution, long bucket, Dimension dimension, String member)
        implements Comparable<RollupKey> {

    public enum Resolution { HOUR, DAY }

    /** Rows are written in this order, so that concurrent batches lock shared rows in the same order. */
    @Override
    public int compareTo(RollupKey other) {
        int order = resolution.compareTo(other.resolution);
        if (order == 0) {
            order = dimension.compareTo(other.dimension);
        }
        if (order == 0) {
            order = Long.compare(bucket, other.bucket);
        }
        return order != 0 ? order : member.compareTo(other.member);
    }
}
