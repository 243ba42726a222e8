package io.keliu.orderanalytics.latency;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;

import java.util.Map;
import java.util.TreeMap;

/**
 * Payment latencies as DDSketch buckets (1 % relative accuracy): counts per bucket index of the sketch's logarithmic
 * mapping, plus a count of zero latencies. Unlike a sketch object it also subtracts exactly (an order whose payment
 * changes takes its old latency out), and two histograms merge by adding counts, which the database does in an
 * upsert. Quantiles come from a DDSketch filled with the counts.
 */
public final class LatencyHistogram {
    public static final double RELATIVE_ACCURACY = 0.01;
    private static final LogarithmicMapping MAPPING = new LogarithmicMapping(RELATIVE_ACCURACY);
    private static final String ZERO = "z";

    private final Map<String, Long> counts;

    private LatencyHistogram(Map<String, Long> counts) {
        this.counts = counts;
    }

    public static LatencyHistogram empty() {
        return new LatencyHistogram(new TreeMap<>());
    }

    public static LatencyHistogram of(double seconds) {
        LatencyHistogram histogram = empty();
        histogram.counts.put(key(seconds), 1L);
        return histogram;
    }

    /** The histogram of a JSON object of bucket keys to counts, as {@link #toJson()} writes it. */
    public static LatencyHistogram fromJson(String json) {
        LatencyHistogram histogram = empty();
        String body = json == null ? "" : json.strip();
        if (body.length() <= 2) {
            return histogram;
        }
        for (String entry : body.substring(1, body.length() - 1).split(",")) {
            int colon = entry.indexOf(':');
            String key = entry.substring(0, colon).strip();
            histogram.counts.merge(key.substring(1, key.length() - 1), Long.parseLong(entry.substring(colon + 1)
                    .strip()), Long::sum);
        }
        return histogram;
    }

    private static String key(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + seconds);
        }
        return seconds < MAPPING.minIndexableValue() ? ZERO : Integer.toString(MAPPING.index(seconds));
    }

    /** This plus {@code other} times {@code sign} (1 or -1), in place; buckets that reach zero are dropped. */
    public LatencyHistogram add(LatencyHistogram other, int sign) {
        other.counts.forEach((key, count) -> {
            long sum = counts.getOrDefault(key, 0L) + sign * count;
            if (sum == 0) {
                counts.remove(key);
            } else {
                counts.put(key, sum);
            }
        });
        return this;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    public long count() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The latency at quantile {@code q} within the relative accuracy, or null without latencies. */
    public Double quantile(double q) {
        double[] values = quantiles(q);
        return values == null ? null : values[0];
    }

    /** The latencies at the quantiles from one sketch, or null without latencies. */
    public double[] quantiles(double... qs) {
        if (count() <= 0) {
            return null;
        }
        DDSketch sketch = new DDSketch(MAPPING, UnboundedSizeDenseStore::new);
        counts.forEach((key, count) -> {
            if (count > 0) {
                sketch.accept(key.equals(ZERO) ? 0 : MAPPING.value(Integer.parseInt(key)), count);
            }
        });
        return sketch.getValuesAtQuantiles(qs);
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        counts.forEach((key, count) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key).append("\":").append(count);
        });
        return json.append('}').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyHistogram histogram && counts.equals(histogram.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
