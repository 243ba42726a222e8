package io.keliu.analytics.forecast.holidays;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One occurrence of a holiday: consecutive days off from {@code first} to {@code last}, and the weekend days that
 * became working days to pay for the break (调休).
 */
public record HolidayPeriod(String name, LocalDate first, LocalDate last, List<LocalDate> makeupWorkdays) {

    public HolidayPeriod {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException(name + ": last day " + last + " before first day " + first);
        }
        makeupWorkdays = List.copyOf(makeupWorkdays);
    }

    public int length() {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The year a break belongs to: a New Year break starting on Dec 31 belongs to the new year. */
    public int year() {
        return last.getYear();
    }
}
