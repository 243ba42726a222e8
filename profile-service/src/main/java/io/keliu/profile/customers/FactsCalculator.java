package io.keliu.profile.customers;

import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Computes a customer's {@link Facts} from its stored lines. Occasions, frequency and net spend come from the
 * analytics library ({@link CustomerSummaries}), so the service counts exactly as {@code bin/keliu analytics} does.
 */
public final class FactsCalculator {
    /** Every purchase counts, whatever its day: facts are "as of now", and ingest refuses days far in the future. */
    private static final LocalDate ALL = LocalDate.of(9999, 12, 31);
    private static final int TOP = 3;

    private final ZoneId zone;

    public FactsCalculator(ZoneId zone) {
        this.zone = zone;
    }

    public Facts of(String userId, List<StoredLine> lines) {
        if (lines.isEmpty()) {
            return Facts.NONE;
        }
        List<Purchase> purchases = purchases(userId, lines);
        CustomerSummary all = CustomerSummaries.asOf(purchases, ALL).getFirst();
        LocalDate previous = null;
        Double previousGap = null;
        if (all.frequency() > 0) {
            CustomerSummary before = CustomerSummaries.asOf(purchases, all.lastPurchase().minusDays(1)).getFirst();
            if (before.purchases() > 0) {
                previous = before.lastPurchase();
                previousGap = before.frequency() == 0 ? null
                        : (double) ChronoUnit.DAYS.between(before.firstPurchase(), before.lastPurchase())
                        / before.frequency();
            }
        }
        StoredLine latest = lines.getFirst();
        for (StoredLine line : lines) {
            if (line.createdAt().isAfter(latest.createdAt())) {
                latest = line;
            }
        }
        return new Facts(orderCount(lines), all.purchases(), all.frequency(),
                BigDecimal.valueOf(all.monetaryValue()).setScale(4, RoundingMode.HALF_EVEN),
                (int) Math.round(all.units()), all.meanRepeatSpend(),
                all.purchases() == 0 ? null : all.firstPurchase(), all.purchases() == 0 ? null : all.lastPurchase(),
                previous, previousGap,
                mostOrders(lines, StoredLine::channel), mostOrders(lines, StoredLine::orderType),
                topCategories(lines), activeHours(lines),
                latestNonNull(lines, StoredLine::shippingAddress), latest.province() != null ? latest.province()
                : latestNonNull(lines, StoredLine::province), latestNonNull(lines, StoredLine::city));
    }

    /** One purchase per order: its day (earliest line, platform zone), net units and net amount. */
    private List<Purchase> purchases(String userId, List<StoredLine> lines) {
        Map<String, Purchase> orders = new LinkedHashMap<>();
        for (StoredLine line : lines) {
            Purchase one = new Purchase(userId, line.createdAt().atZone(zone).toLocalDate(), line.netQuantity(),
                    line.netAmount().doubleValue());
            orders.merge(line.orderId(), one, (a, b) -> new Purchase(userId,
                    a.day().isBefore(b.day()) ? a.day() : b.day(), a.units() + b.units(), a.amount() + b.amount()));
        }
        return List.copyOf(orders.values());
    }

    private static int orderCount(List<StoredLine> lines) {
        Set<String> orders = new HashSet<>();
        for (StoredLine line : lines) {
            orders.add(line.orderId());
        }
        return orders.size();
    }

    /** The value held by the most orders; ties go to the alphabetically first. */
    private static String mostOrders(List<StoredLine> lines, Function<StoredLine, String> value) {
        Map<String, Set<String>> orders = new HashMap<>();
        for (StoredLine line : lines) {
            String v = value.apply(line);
            if (v != null) {
                orders.computeIfAbsent(v, k -> new HashSet<>()).add(line.orderId());
            }
        }
        String most = null;
        int mostOrders = 0;
        for (Map.Entry<String, Set<String>> e : orders.entrySet()) {
            int n = e.getValue().size();
            if (n > mostOrders || n == mostOrders && e.getKey().compareTo(most) < 0) {
                most = e.getKey();
                mostOrders = n;
            }
        }
        return most;
    }

    /** Categories with the highest net spend above 0, at most three. */
    private static List<String> topCategories(List<StoredLine> lines) {
        Map<String, BigDecimal> spend = new HashMap<>();
        for (StoredLine line : lines) {
            if (line.category() != null) {
                spend.merge(line.category(), line.netAmount(), BigDecimal::add);
            }
        }
        List<Map.Entry<String, BigDecimal>> positive = new ArrayList<>(spend.size());
        for (Map.Entry<String, BigDecimal> e : spend.entrySet()) {
            if (e.getValue().signum() > 0) {
                positive.add(e);
            }
        }
        positive.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
        return top(positive);
    }

    /** Hours of day (platform zone) in which most orders were placed, at most three. */
    private List<Integer> activeHours(List<StoredLine> lines) {
        Map<String, Integer> hourOfOrder = new HashMap<>();
        for (StoredLine line : lines) {
            hourOfOrder.merge(line.orderId(), line.createdAt().atZone(zone).getHour(), Math::min);
        }
        Map<Integer, Integer> ordersByHour = new HashMap<>();
        for (Integer hour : hourOfOrder.values()) {
            ordersByHour.merge(hour, 1, Integer::sum);
        }
        List<Map.Entry<Integer, Integer>> hours = new ArrayList<>(ordersByHour.entrySet());
        hours.sort(Comparator.<Map.Entry<Integer, Integer>>comparingInt(e -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        return top(hours);
    }

    private static <K> List<K> top(List<? extends Map.Entry<K, ?>> sorted) {
        List<K> top = new ArrayList<>(Math.min(TOP, sorted.size()));
        for (int i = 0; i < sorted.size() && i < TOP; i++) {
            top.add(sorted.get(i).getKey());
        }
        return List.copyOf(top);
    }

    /** The value of the latest line that has one (the first of equally late ones). */
    private static String latestNonNull(List<StoredLine> lines, Function<StoredLine, String> value) {
        StoredLine latest = null;
        for (StoredLine line : lines) {
            if (value.apply(line) != null && (latest == null || line.createdAt().isAfter(latest.createdAt()))) {
                latest = line;
            }
        }
        return latest == null ? null : value.apply(latest);
    }
}
