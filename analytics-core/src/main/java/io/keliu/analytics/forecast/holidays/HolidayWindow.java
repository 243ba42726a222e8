package io.keliu.analytics.forecast.holidays;

/** How many days before and after a break still feel it: pre-holiday shopping, a slow return to work. */
public record HolidayWindow(int leadInDays, int afterDays) {

    public HolidayWindow {
        if (leadInDays < 0 || afterDays < 0) {
            throw new IllegalArgumentException("window days must be >= 0");
        }
    }
}
