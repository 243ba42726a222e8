package io.keliu.analytics.forecast.series;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OutlierDetectorTest {

    @Test
    void flagsASpikeAgainstItsWeekdayButNotTheWeeklyPattern() {
        Random random = new Random(3);
        double[] values = new double[140];
        for (int t = 0; t < values.length; t++) {
            double weekend = t % 7 >= 5 ? 200 : 100;
            values[t] = weekend + random.nextGaussian() * 5;
        }
        values[70] = 400;
        values[100] = Double.NaN;
        DailySeries series = new DailySeries(LocalDate.of(2024, 1, 1), values);

        List<Outlier> outliers = OutlierDetector.standard().detect(series);

        assertThat(outliers).extracting(Outlier::date).containsExactly(series.dateAt(70));
        assertThat(outliers.getFirst().expected()).isCloseTo(100, within(10.0));
        assertThat(outliers.getFirst().robustZ()).isGreaterThan(10);
        assertThat(series.value(70)).as("flagged, not removed").isEqualTo(400);
    }
}
