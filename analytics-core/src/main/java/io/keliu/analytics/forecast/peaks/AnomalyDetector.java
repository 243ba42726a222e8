package io.keliu.analytics.forecast.peaks;

import io.keliu.analytics.forecast.models.ForecastPoint;
import io.keliu.analytics.forecast.series.DailySeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Actual days outside their prediction interval. Severity is the distance beyond the nearer bound in interval
 * half-widths, so 1 means "as far outside as the interval is wide on one side": comparable across busy and quiet
 * shops and across horizons whose intervals differ in width.
 */
public final class AnomalyDetector {

    public enum Direction { ABOVE, BELOW }

    public record Anomaly(LocalDate date, double actual, double expected, double lower, double upper,
                          Direction direction, double severity) {
    }

    private AnomalyDetector() {
    }

    public static List<Anomaly> outsideIntervals(List<ForecastPoint> forecast, DailySeries actuals) {
        List<Anomaly> anomalies = new ArrayList<>();
        for (ForecastPoint point : forecast) {
            int index = actuals.indexOf(point.date());
            if (index < 0 || index >= actuals.size() || actuals.isMissing(index)) {
                continue;
            }
            double actual = actuals.value(index);
            if (actual > point.upper() || actual < point.lower()) {
                Direction direction = actual > point.upper() ? Direction.ABOVE : Direction.BELOW;
                double beyond = direction == Direction.ABOVE ? actual - point.upper() : point.lower() - actual;
                double halfWidth = Math.max(point.halfWidth(), Double.MIN_NORMAL);
                anomalies.add(new Anomaly(point.date(), actual, point.value(), point.lower(), point.upper(),
                        direction, beyond / halfWidth));
            }
        }
        return anomalies;
    }
}
