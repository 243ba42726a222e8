package io.keliu.analytics.forecast.peaks;

import io.keliu.analytics.forecast.models.ForecastPoint;

import java.time.LocalDate;
import java.util.List;

/** Forecast days that may exceed a capacity, for staffing and crowd control ahead of peaks. */
public final class CapacityPlanner {

    /**
     * {@code LIKELY} when the point forecast is over capacity, {@code POSSIBLE} when only the interval's upper end is.
     */
    public enum Risk { LIKELY, POSSIBLE }

    /** A forecast day at risk, with how far its point forecast is from the capacity as a share of it. */
    public record PeakDay(LocalDate date, double forecast, double upper, Risk risk, double loadFactor) {
    }

    private CapacityPlanner() {
    }

    public static List<PeakDay> daysOverCapacity(List<ForecastPoint> forecast, double capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        return forecast.stream().filter(point -> point.upper() > capacity)
                .map(point -> new PeakDay(point.date(), point.value(), point.upper(),
                        point.value() > capacity ? Risk.LIKELY : Risk.POSSIBLE, point.value() / capacity))
                .toList();
    }
}
