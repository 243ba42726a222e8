package io.keliu.gateway.apilog;

/**
 * Which requests get a log record: all of the first {@code perSecond} in each second; above that, one in every k,
 * where k is the last second's request count over {@code perSecond} (rounded up), so the log keeps roughly
 * {@code perSecond} records a second plus a sample. Each record carries its k, so counts can be weighted back.
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
        if (seenThisSecond <= perSecond) {
            return 1;
        }
        int every = Math.max(2, ceilDiv(Math.max(seenLastSecond, seenThisSecond), perSecond));
        return (seenThisSecond - perSecond) % every == 0 ? every : 0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
