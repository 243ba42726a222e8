package io.keliu.analytics.forecast.series;

/**
 * What a day without an observation means. A missing day is not a zero unless the caller says so: a sensor that
 * was off is unknown traffic, a shop that was closed is zero traffic.
 */
public enum FillPolicy {
    /** Keep the gap as {@code NaN}; models skip missing days when fitting. */
    LEAVE_MISSING,
    /** The day had no traffic. */
    ZERO,
    /** Straight line between the nearest observed neighbours; gaps at either end stay missing. */
    LINEAR
}
