package io.keliu.analytics.forecast.series;

import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.NavigableMap;

/** Values keyed by time laid out on equally spaced steps, as the daily and hourly series store them. */
final class EvenGrid {

    private EvenGrid() {
    }

    /**
     * One value per {@code unit} from the first to the last key; steps without a key are missing ({@code NaN}). The
     * keys must already lie on whole steps from the first (dates for days, hours truncated for hours).
     */
    static <T extends Temporal> double[] values(NavigableMap<T, Double> sorted, ChronoUnit unit) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no observations");
        }
        T first = sorted.firstKey();
        double[] values = new double[(int) unit.between(first, sorted.lastKey()) + 1];
        Arrays.fill(values, Double.NaN);
        sorted.forEach((time, value) -> values[(int) unit.between(first, time)] = value);
        return values;
    }
}
