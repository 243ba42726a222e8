package io.keliu.gateway.apilog;

/**
 * Which requests get a log record: every request while there are at most {@code perSecond} a second; above that, one
 * in every k, where k is the request count over {@code perSecond} (rounded up) — the last second's, or this one's once
 * it is higher — so the log keeps about {@code perSecond} records a second however busy the API is. Each record
 * carries its k, so counts can be weighted back.
 */
final class ApiLogSampler {
    private final int perSecond;
    private long currentSecond = Long.MIN_VALUE;
    private int seenThisSecond;
    private int seenLastSecond;

    ApiLogSampler(int perSecond) {
        this.perSecond = perSecond;
    }

    /** @return how many requests the record of this one stands for, or 0 when it gets none */
    synchronized int weight(long epochSecond) {
        if (epochSecond != currentSecond) {
            seenLastSecond = epochSecond == currentSecond + 1 ? seenThisSecond : 0;
            currentSecond = epochSecond;
            seenThisSecond = 0;
        }
        seenThisSecond++;
        int expected = Math.max(seenLastSecond, seenThisSecond);
        if (expected <= perSecond) {
            return 1;
        }
        int every = ceilDiv(expected, perSecond);
        return seenThisSecond % every == 0 ? every : 0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
