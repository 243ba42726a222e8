package io.keliu.analytics.customers;

import io.keliu.analytics.io.DataFormatException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds one {@link CustomerSummary} per customer from purchases, as of a calibration end. */
public final class CustomerSummaries {

    private static final double DAYS_PER_WEEK = 7.0;

    private CustomerSummaries() {
    }

    /**
     * Purchases on or before {@code calibrationEnd} count; customers whose first purchase is later are left out.
     * Several purchases on one day are one repeat purchase, as in the BG/NBD literature.
     */
    public static List<CustomerSummary> asOf(List<Purchase> purchases, LocalDate calibrationEnd) {
        Map<String, List<Purchase>> byCustomer = purchases.stream()
                .filter(p -> !p.day().isAfter(calibrationEnd))
                .collect(Collectors.groupingBy(Purchase::customerId));
        if (byCustomer.isEmpty()) {
            throw new DataFormatException("no purchases of known customers on or before " + calibrationEnd);
        }
        List<CustomerSummary> summaries = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customer, history) -> summaries.add(summarise(customer, history, calibrationEnd)));
        summaries.sort(Comparator.comparing(CustomerSummary::customerId));
        return summaries;
    }

    private static CustomerSummary summarise(String customer, List<Purchase> history, LocalDate end) {
        TreeMap<LocalDate, Double> spendByDay = new TreeMap<>();
        double units = 0;
        for (Purchase purchase : history) {
            spendByDay.merge(purchase.day(), purchase.amount(), Double::sum);
            units += purchase.units();
        }
        LocalDate first = spendByDay.firstKey();
        LocalDate last = spendByDay.lastKey();
        int repeatDays = spendByDay.size() - 1;
        double total = spendByDay.values().stream().mapToDouble(Double::doubleValue).sum();
        double repeatSpend = total - spendByDay.firstEntry().getValue();
        return new CustomerSummary(customer, first, last, history.size(), repeatDays,
                ChronoUnit.DAYS.between(first, last) / DAYS_PER_WEEK,
                ChronoUnit.DAYS.between(first, end) / DAYS_PER_WEEK,
                ChronoUnit.DAYS.between(last, end), units, total,
                repeatDays == 0 ? 0 : repeatSpend / repeatDays);
    }
}
