package io.keliu.analytics.churn;

import java.time.LocalDate;

/**
 * A customer service case as the churn model sees it.
 *
 * @param day         the day it was raised
 * @param rating      1–5, null when the customer gave none
 * @param resolvedDay the day it was resolved, null while it is open
 */
public record ServiceCase(String customerId, LocalDate day, boolean complaint, Integer rating, LocalDate resolvedDay) {

    /** Raised on or before {@code day}. */
    boolean knownOn(LocalDate day) {
        return !this.day.isAfter(day);
    }

    /** A complaint still open at the end of {@code day}. */
    boolean openComplaintOn(LocalDate day) {
        return complaint && knownOn(day) && (resolvedDay == null || resolvedDay.isAfter(day));
    }
}
