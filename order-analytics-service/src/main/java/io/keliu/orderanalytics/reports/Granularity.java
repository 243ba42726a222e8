package io.keliu.orderanalytics.reports;

import io.keliu.orderanalytics.web.Parameters.ApiWord;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The size of a report's buckets; weeks start on Monday (ISO), all in the platform zone. */
public enum Granularity implements ApiWord {
    HOUR, DAY, WEEK, MONTH;

    /** The first day of the bucket holding {@code day} (not for {@link #HOUR}). */
    LocalDate bucketOf(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    LocalDate next(LocalDate bucket) {
        return switch (this) {
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
            default -> bucket.plusDays(1);
        };
    }
}
