package io.keliu.analytics.forecast.peaks;

import io.keliu.analytics.forecast.series.HourlySeries;
import io.keliu.analytics.forecast.series.Statistics;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The typical day's shape for each weekday from hourly traffic: the median of each clock hour over the weeks
 * (robust to the odd event or outage), and the hours that carry the peak.
 */
public final class PeakHours {
    private static final int HOURS = 24;

    /**
     * A weekday's typical profile: {@code typicalByHour[h]} is the median traffic in hour h (NaN if never observed),
     * {@code peakHours} the hours within {@code peakShare} of the top hour, busiest first (none when every hour is
     * quiet).
     */
    public record WeekdayProfile(DayOfWeek weekday, double[] typicalByHour, List<Integer> peakHours, double peakValue) {
    }

    private PeakHours() {
    }

    /** @param peakShare an hour counts as peak when it reaches this share of the busiest hour, e.g. 0.9 */
    public static List<WeekdayProfile> byWeekday(HourlySeries series, double peakShare) {
        Map<DayOfWeek, List<List<Double>>> samples = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek weekday : DayOfWeek.values()) {
            List<List<Double>> hours = new ArrayList<>();
            for (int h = 0; h < HOURS; h++) {
                hours.add(new ArrayList<>());
            }
            samples.put(weekday, hours);
        }
        for (int i = 0; i < series.size(); i++) {
            LocalDateTime time = series.timeAt(i);
            if (!Double.isNaN(series.value(i))) {
                samples.get(time.getDayOfWeek()).get(time.getHour()).add(series.value(i));
            }
        }
        List<WeekdayProfile> profiles = new ArrayList<>();
        samples.forEach((weekday, hours) -> {
            double[] typical = hours.stream()
                    .mapToDouble(values -> Statistics.median(values.stream().mapToDouble(Double::doubleValue).toArray()))
                    .toArray();
            if (hasObservation(typical)) {
                profiles.add(profile(weekday, typical, peakShare));
            }
        });
        return profiles;
    }

    private static boolean hasObservation(double[] typical) {
        for (double value : typical) {
            if (!Double.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    private static WeekdayProfile profile(DayOfWeek weekday, double[] typical, double peakShare) {
        double top = Double.NEGATIVE_INFINITY;
        for (double value : typical) {
            if (value > top) {
                top = value;
            }
        }
        double threshold = top * peakShare;
        List<Integer> peaks = new ArrayList<>();
        for (int h = 0; h < HOURS && top > 0; h++) {
            if (typical[h] >= threshold) {
                peaks.add(h);
            }
        }
        peaks.sort((a, b) -> Double.compare(typical[b], typical[a]));
        return new WeekdayProfile(weekday, typical, peaks, top);
    }
}
