package io.keliu.local.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.random.RandomGenerator;

/**
 * How busy a shop is at a given local time: quiet at night, a lunch peak, the highest peak in the evening, and more on
 * weekends. The shape follows the hourly order curves Chinese e-commerce platforms publish.
 */
public final class TrafficRhythm {
    private static final double[] HOURLY = {
        0.30, 0.18, 0.10, 0.06, 0.05, 0.07, 0.15, 0.35, 0.60, 0.80, 0.95, 1.10,
        1.45, 1.30, 1.00, 0.95, 0.95, 1.00, 1.15, 1.40, 1.75, 1.85, 1.45, 0.80};
    private static final double WEEKEND = 1.30;
    private static final double FRIDAY = 1.10;

    private final double weeklyMean;
    private final double peak;

    public TrafficRhythm() {
        double sum = 0;
        double max = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            for (double hourly : HOURLY) {
                sum += hourly * dayFactor(day);
                max = Math.max(max, hourly * dayFactor(day));
            }
        }
        this.weeklyMean = sum / (7 * HOURLY.length);
        this.peak = max;
    }

    /** Intensity at {@code time} relative to the weekly average: 1 on average, below 1 at night. */
    public double relativeIntensity(LocalDateTime time) {
        return intensity(time) / weeklyMean;
    }

    /** A time in [{@code from}, {@code to}) drawn in proportion to the intensity (rejection sampling). */
    public LocalDateTime drawTime(RandomGenerator random, LocalDateTime from, LocalDateTime to) {
        long spanSeconds = Duration.between(from, to).toSeconds();
        while (true) {
            LocalDateTime candidate = from.plusSeconds(random.nextLong(spanSeconds));
            if (random.nextDouble(peak) < intensity(candidate)) {
                return candidate;
            }
        }
    }

    private static double intensity(LocalDateTime time) {
        return HOURLY[time.getHour()] * dayFactor(time.getDayOfWeek());
    }

    private static double dayFactor(DayOfWeek day) {
        return switch (day) {
            case SATURDAY, SUNDAY -> WEEKEND;
            case FRIDAY -> FRIDAY;
            default -> 1.0;
        };
    }
}
