package io.keliu.forecast.traffic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A bucket size. Buckets start on the clock in the platform zone; weeks start on Monday. */
public enum Granularity {
    MINUTE, HOUR, DAY, WEEK, MONTH;

    /** The start of the bucket that holds {@code time}. */
    public ZonedDateTime bucketOf(ZonedDateTime time) {
        return switch (this) {
            case MINUTE -> time.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
            case DAY -> time.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
    }

    public ZonedDateTime next(ZonedDateTime bucketStart) {
        return switch (this) {
            case MINUTE -> bucketStart.plusMinutes(1);
            case HOUR -> bucketStart.plusHours(1);
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
        };
    }

    /** An upper bound of the number of buckets in {@code span}, for refusing spans too long to answer. */
    public long bucketsIn(Duration span) {
        return switch (this) {
            case MINUTE -> span.toMinutes();
            case HOUR -> span.toHours();
            case DAY -> span.toDays();
            case WEEK -> span.toDays() / 7 + 2;
            case MONTH -> span.toDays() / 28 + 2;
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
