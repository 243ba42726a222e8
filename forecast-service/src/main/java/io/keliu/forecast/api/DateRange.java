package io.keliu.forecast.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Days {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public DateRange minusDays(long days) {
        return new DateRange(from.minusDays(days), to.minusDays(days));
    }

    /** The same number of days just before this range. */
    public DateRange previous() {
        return minusDays(days());
    }
}
