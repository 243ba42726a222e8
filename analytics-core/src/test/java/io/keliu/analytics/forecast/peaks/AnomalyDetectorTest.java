package io.keliu.analytics.forecast.peaks;

import io.keliu.analytics.forecast.models.ForecastPoint;
import io.keliu.analytics.forecast.series.DailySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyDetectorTest {
    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    @Test
    void severityCountsHalfWidthsBeyondTheNearerBound() {
        List<ForecastPoint> forecast = List.of(
                new ForecastPoint(DAY, 100, 80, 120),
                new ForecastPoint(DAY.plusDays(1), 100, 80, 120),
                new ForecastPoint(DAY.plusDays(2), 100, 80, 120),
                new ForecastPoint(DAY.plusDays(3), 100, 80, 120));
        DailySeries actual = new DailySeries(DAY, new double[] {110, 160, 70, Double.NaN});

        List<AnomalyDetector.Anomaly> anomalies = AnomalyDetector.outsideIntervals(forecast, actual);

        assertThat(anomalies).extracting(AnomalyDetector.Anomaly::date).containsExactly(DAY.plusDays(1), DAY.plusDays(2));
        assertThat(anomalies.get(0).direction()).isEqualTo(AnomalyDetector.Direction.ABOVE);
        assertThat(anomalies.get(0).severity()).isEqualTo(2.0);
        assertThat(anomalies.get(1).direction()).isEqualTo(AnomalyDetector.Direction.BELOW);
        assertThat(anomalies.get(1).severity()).isEqualTo(0.5);
    }

    @Test
    void capacityRiskIsLikelyWhenThePointForecastIsOverAndPossibleWhenOnlyTheUpperBoundIs() {
        List<ForecastPoint> forecast = List.of(
                new ForecastPoint(DAY, 90, 70, 110),
                new ForecastPoint(DAY.plusDays(1), 120, 100, 140),
                new ForecastPoint(DAY.plusDays(2), 50, 40, 60));

        List<CapacityPlanner.PeakDay> peaks = CapacityPlanner.daysOverCapacity(forecast, 100);

        assertThat(peaks).extracting(CapacityPlanner.PeakDay::risk)
                .containsExactly(CapacityPlanner.Risk.POSSIBLE, CapacityPlanner.Risk.LIKELY);
        assertThat(peaks.get(1).loadFactor()).isEqualTo(1.2);
    }
}
