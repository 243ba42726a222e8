package io.keliu.analytics.forecast.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flags outliers by a robust z-score of the residual from a seasonal median: each day is compared with the median
 * of the same weekday in the surrounding weeks, and residuals are scaled by their median absolute deviation, so one
 * wild day cannot hide itself by inflating the scale. Outliers are reported, never removed: a holiday spike is an
 * outlier to this detector and a signal to the models.
 */
public final class OutlierDetector {
    private static final int SEASON = 7;
    /** Makes the MAD a consistent estimate of the standard deviation for normal noise. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private final int weeksEachSide;
    private final double threshold;

    public OutlierDetector(int weeksEachSide, double threshold) {
        this.weeksEachSide = weeksEachSide;
        this.threshold = threshold;
    }

    public static OutlierDetector standard() {
        return new OutlierDetector(4, 3.5);
    }

    public List<Outlier> detect(DailySeries series) {
        double[] expected = seasonalMedian(series);
        double[] residuals = new double[series.size()];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = series.value(i) - expected[i];
        }
        double center = Statistics.median(residuals);
        double scale = MAD_TO_SIGMA * Statistics.median(Arrays.stream(residuals).map(r -> Math.abs(r - center)).toArray());
        List<Outlier> outliers = new ArrayList<>();
        for (int i = 0; i < residuals.length; i++) {
            double robustZ = scale > 0 ? (residuals[i] - center) / scale : 0;
            if (Math.abs(robustZ) > threshold) {
                outliers.add(new Outlier(series.dateAt(i), series.value(i), expected[i], robustZ));
            }
        }
        return outliers;
    }

    private double[] seasonalMedian(DailySeries series) {
        double[] medians = new double[series.size()];
        double[] sameWeekday = new double[2 * weeksEachSide];
        for (int i = 0; i < medians.length; i++) {
            int count = 0;
            for (int week = -weeksEachSide; week <= weeksEachSide; week++) {
                int neighbour = i + week * SEASON;
                if (week != 0 && neighbour >= 0 && neighbour < medians.length) {
                    sameWeekday[count++] = series.value(neighbour);
                }
            }
            medians[i] = Statistics.median(Arrays.copyOf(sameWeekday, count));
        }
        return medians;
    }
}
