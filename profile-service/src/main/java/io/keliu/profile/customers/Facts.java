package io.keliu.profile.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's purchase facts, derived from the newest version of every order line by the netting rule of
 * docs/analytics.md (docs/profiles.md, "Purchase facts").
 *
 * @param orders            orders of the customer, refunds included
 * @param purchases         purchase occasions: orders of net value above 0 that no refund took back
 * @param frequency         repeat purchase days (BG/NBD's x)
 * @param monetaryTotal     net spend, never below 0
 * @param previousPurchase  the purchase day before the last one, if any
 * @param previousGapDays   the customer's mean days between purchases before the last one (null with fewer than two)
 * @param activeHours       hours of day (platform zone) with the most orders, most first
 */
public record Facts(int orders, int purchases, int frequency, BigDecimal monetaryTotal, int units,
                    double meanRepeatSpend, LocalDate firstPurchase, LocalDate lastPurchase,
                    LocalDate previousPurchase, Double previousGapDays, String preferredChannel,
                    String preferredOrderType, List<String> topCategories, List<Integer> activeHours,
                    String address, String province, String city) {

    public static final Facts NONE = new Facts(0, 0, 0, BigDecimal.ZERO, 0, 0, null, null, null, null, null, null,
            List.of(), List.of(), null, null, null);

    /** Mean days between purchase days, or null with fewer than two. */
    public Double daysBetweenPurchases() {
        return frequency == 0 ? null
                : (double) java.time.temporal.ChronoUnit.DAYS.between(firstPurchase, lastPurchase) / frequency;
    }
}
