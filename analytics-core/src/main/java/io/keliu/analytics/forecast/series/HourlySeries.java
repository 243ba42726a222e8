package io.keliu.analytics.forecast.series;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** One value per consecutive clock hour starting at {@link #start()}; {@code NaN} marks a missing hour. */
public final class HourlySeries {
    private final LocalDateTime start;
    private final double[] values;

    public HourlySeries(LocalDateTime start, double[] values) {
        this.start = start.truncatedTo(ChronoUnit.HOURS);
        this.values = values.clone();
    }

    /** Sums values within each clock hour; spans the first to the last hour seen, other hours missing. */
    public static HourlySeries of(Map<LocalDateTime, Double> valuesByTime) {
        TreeMap<LocalDateTime, Double> byHour = new TreeMap<>();
        valuesByTime.forEach((time, value) -> byHour.merge(time.truncatedTo(ChronoUnit.HOURS), value, Double::sum));
        double[] values = EvenGrid.values(byHour, ChronoUnit.HOURS);
        return new HourlySeries(byHour.firstKey(), values);
    }

    /** Counts events per clock hour; hours between the first and last event without any are filled by the policy. */
    public static HourlySeries countByHour(Collection<LocalDateTime> eventTimes, FillPolicy emptyHours) {
        Map<LocalDateTime, Double> counts = new TreeMap<>();
        eventTimes.forEach(time -> counts.merge(time, 1.0, Double::sum));
        return of(counts).fill(emptyHours);
    }

    public HourlySeries fill(FillPolicy policy) {
        return new HourlySeries(start, policy.apply(values));
    }

    public LocalDateTime start() {
        return start;
    }

    public int size() {
        return values.length;
    }

    public LocalDateTime timeAt(int index) {
        return start.plusHours(index);
    }

    public double value(int index) {
        return values[index];
    }

    /**
     * Daily totals. A day is missing unless every one of its hours inside the series span is observed, because a
     * total over a partly observed day would look like a drop in traffic.
     */
    public DailySeries toDaily() {
        Map<LocalDate, Double> totals = new TreeMap<>();
        Map<LocalDate, Boolean> complete = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            LocalDate day = timeAt(i).toLocalDate();
            totals.merge(day, Double.isNaN(values[i]) ? 0 : values[i], Double::sum);
            complete.merge(day, !Double.isNaN(values[i]), Boolean::logicalAnd);
        }
        totals.replaceAll((day, total) -> complete.get(day) ? total : Double.NaN);
        return DailySeries.of(totals);
    }
}
