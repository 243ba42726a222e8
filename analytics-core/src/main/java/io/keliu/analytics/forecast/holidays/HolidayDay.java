package io.keliu.analytics.forecast.holidays;

/**
 * Where a date sits relative to one holiday break: {@code LEAD_IN} days before it (offset -1 is the eve), {@code DAY}
 * n of the break (offset 1 is the first day off), or {@code AFTER} it (offset 1 is the first day back). Two years'
 * dates with the same position are comparable even when the holiday moved by weeks, as the Spring Festival does.
 */
public record HolidayDay(String holiday, Phase phase, int offset) {

    public enum Phase { LEAD_IN, DAY, AFTER }

    public String label() {
        return switch (phase) {
            case LEAD_IN -> holiday + " lead-in " + offset;
            case DAY -> holiday + " day " + offset;
            case AFTER -> holiday + " after +" + offset;
        };
    }
}
