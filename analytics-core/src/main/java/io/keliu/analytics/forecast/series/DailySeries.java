package io.keliu.analytics.forecast.series;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * One value per consecutive calendar day starting at {@link #start()}; {@code NaN} marks a missing day.
 * Immutable: every transformation returns a new series.
 */
public final class DailySeries {
    private final LocalDate start;
    private final double[] values;

    public DailySeries(LocalDate start, double[] values) {
        this.start = start;
        this.values = values.clone();
    }

    /** Spans the first to the last observed date; dates absent from the map are missing. */
    public static DailySeries of(Map<LocalDate, Double> valuesByDate) {
        TreeMap<LocalDate, Double> sorted = new TreeMap<>(valuesByDate);
        double[] values = EvenGrid.values(sorted, ChronoUnit.DAYS);
        return new DailySeries(sorted.firstKey(), values);
    }

    /** Counts events per day; days between the first and last event without any event are filled by the policy. */
    public static DailySeries countByDay(Collection<LocalDate> eventDates, FillPolicy emptyDays) {
        Map<LocalDate, Double> counts = new TreeMap<>();
        eventDates.forEach(date -> counts.merge(date, 1.0, Double::sum));
        return of(counts).fill(emptyDays);
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return dateAt(values.length - 1);
    }

    public int size() {
        return values.length;
    }

    public LocalDate dateAt(int index) {
        return start.plusDays(index);
    }

    public int indexOf(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(start, date);
    }

    public double value(int index) {
        return values[index];
    }

    public boolean isMissing(int index) {
        return Double.isNaN(values[index]);
    }

    public double[] values() {
        return values.clone();
    }

    public int observedCount() {
        return (int) Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
    }

    public boolean isNonNegative() {
        return Arrays.stream(values).allMatch(v -> Double.isNaN(v) || v >= 0);
    }

    public boolean isPositive() {
        return Arrays.stream(values).allMatch(v -> Double.isNaN(v) || v > 0);
    }

    /** Days {@code [from, to)} by index. */
    public DailySeries slice(int from, int to) {
        return new DailySeries(dateAt(from), Arrays.copyOfRange(values, from, to));
    }

    public DailySeries head(int length) {
        return slice(0, length);
    }

    public DailySeries tail(int length) {
        return slice(values.length - length, values.length);
    }

    public DailySeries fill(FillPolicy policy) {
        return new DailySeries(start, policy.apply(values));
    }

    @Override
    public String toString() {
        return "DailySeries[" + start + ".." + end() + ", " + observedCount() + "/" + size() + " observed]";
    }
}
