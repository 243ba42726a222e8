package io.keliu.analytics.customers;

import io.keliu.analytics.io.DataFormatException;
import io.keliu.contracts.v1.OrderLine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
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
     * Purchases on or before {@code calibrationEnd} count; customers whose first order is later are left out. The
     * netting rule of docs/analytics.md applies: a purchase (an order's net value) above 0 is an occasion; one of 0 or
     * less is none, and a negative one (a refund) takes its amount back from the customer's latest earlier
     * occasions, so that a purchase refunded in full stops being one. Spend is the net of everything, never below 0.
     * Several occasions on one day are one repeat purchase, as in the BG/NBD literature.
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

    /** From order lines (contract records, any versions) by the netting rule; days in {@code zone}. */
    public static List<CustomerSummary> fromOrderLines(Collection<OrderLine> lines, ZoneId zone,
                                                       LocalDate calibrationEnd) {
        return asOf(OrderNetting.purchases(lines, zone), calibrationEnd);
    }

    private static CustomerSummary summarise(String customer, List<Purchase> history, LocalDate end) {
        List<Purchase> byDay = history.stream().sorted(Comparator.comparing(Purchase::day)).toList();
        List<Occasion> occasions = occasions(byDay);
        double units = Math.max(0, byDay.stream().mapToDouble(Purchase::units).sum());
        double total = Math.max(0, exact(byDay.stream().mapToDouble(Purchase::amount).sum()));
        if (occasions.isEmpty()) {
            LocalDate first = byDay.getFirst().day();
            LocalDate last = byDay.getLast().day();
            return new CustomerSummary(customer, first, last, 0, 0, 0,
                    ChronoUnit.DAYS.between(first, end) / DAYS_PER_WEEK, ChronoUnit.DAYS.between(last, end), units,
                    total, 0);
        }
        TreeMap<LocalDate, Double> spendByDay = new TreeMap<>();
        occasions.forEach(occasion -> spendByDay.merge(occasion.day, occasion.value, Double::sum));
        LocalDate first = spendByDay.firstKey();
        LocalDate last = spendByDay.lastKey();
        int repeatDays = spendByDay.size() - 1;
        double occasionSpend = spendByDay.values().stream().mapToDouble(Double::doubleValue).sum();
        double repeatSpend = occasionSpend - spendByDay.firstEntry().getValue();
        return new CustomerSummary(customer, first, last, occasions.size(), repeatDays,
                ChronoUnit.DAYS.between(first, last) / DAYS_PER_WEEK,
                ChronoUnit.DAYS.between(first, end) / DAYS_PER_WEEK,
                ChronoUnit.DAYS.between(last, end), units, total,
                repeatDays == 0 ? 0 : repeatSpend / repeatDays);
    }

    /**
     * The purchases above 0, in day order, with the value each has left after the refunds that follow it: a refund
     * takes its amount from the latest earlier purchases first. Those with nothing left are not occasions.
     */
    private static List<Occasion> occasions(List<Purchase> byDay) {
        List<Occasion> occasions = new ArrayList<>();
        for (Purchase purchase : byDay) {
            if (purchase.amount() > 0) {
                occasions.add(new Occasion(purchase.day(), purchase.amount()));
                continue;
            }
            double refund = -purchase.amount();
            for (int i = occasions.size() - 1; i >= 0 && refund > 0; i--) {
                double taken = Math.min(refund, occasions.get(i).value);
                occasions.get(i).value -= taken;
                refund -= taken;
            }
        }
        occasions.removeIf(occasion -> exact(occasion.value) <= 0);
        return occasions;
    }

    /** Amounts have at most 4 decimal places (docs/contracts.md); what sums of doubles add beyond that is noise. */
    private static double exact(double amount) {
        return Math.round(amount * 10_000) / 10_000.0;
    }

    private static final class Occasion {
        final LocalDate day;
        double value;

        Occasion(LocalDate day, double value) {
            this.day = day;
            this.value = value;
        }
    }
}
