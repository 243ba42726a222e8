package io.keliu.profile.customers;

/**
 * An income-level proxy: the platform holds no incomes, so a customer's spending power stands in for it — the
 * quintile of its net spend among all customers at the last refit (the RFM M score): 1 LOW … 5 HIGH.
 */
public final class IncomeLevel {
    private static final String[] LEVELS = {"LOW", "LOWER_MIDDLE", "MIDDLE", "UPPER_MIDDLE", "HIGH"};

    private IncomeLevel() {
    }

    public static String of(int monetaryScore) {
        return LEVELS[monetaryScore - 1];
    }
}
