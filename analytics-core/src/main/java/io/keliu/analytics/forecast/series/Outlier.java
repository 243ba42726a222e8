package io.keliu.analytics.forecast.series;

import java.time.LocalDate;

/** A day whose value is far from what its weekday usually looks like around that time. */
public record Outlier(LocalDate date, double value, double expected, double robustZ) {
}
