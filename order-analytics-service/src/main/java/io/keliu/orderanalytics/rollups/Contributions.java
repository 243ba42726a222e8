package io.keliu.orderanalytics.rollups;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.orderanalytics.rollups.RollupKey.Resolution;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What orders add to the rollups: every order adds its measures to its hour and its day (in the platform zone, by its
 * creation time) under each dimension. A change of an order adds the difference between what the order adds after
 * and what it added before, so the rollups always equal the sum over the orders as they stand.
 */
public final class Contributions {
    private final ZoneId zone;
    private final Map<RollupKey, Measures> deltas = new HashMap<>();

    public Contributions(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds what {@code order} adds, times {@code sign}: 1 for its state after a change, -1 for before. */
    public void add(OrderFacts order, int sign) {
        if (order.isEmpty()) {
            return;
        }
        ZonedDateTime created = order.createdAt().atZone(zone);
        long hour = created.truncatedTo(ChronoUnit.HOURS).toEpochSecond();
        long day = created.toLocalDate().toEpochDay();
        Measures whole = order.measures(order.lines());
        Measures wholeWithoutLatency = null;
        for (Dimension dimension : Dimension.values()) {
            if (!dimension.perLine()) {
                add(dimension, member(order, dimension), hour, day, whole, sign);
            } else if (order.lines().size() == 1) { // the one line is the whole order
                if (!dimension.keepsLatency() && wholeWithoutLatency == null) {
                    wholeWithoutLatency = order.measures(order.lines(), false);
                }
                add(dimension, orUnknown(dimension.value().apply(order.lines().getFirst())), hour, day,
                        dimension.keepsLatency() ? whole : wholeWithoutLatency, sign);
            } else {
                perMember(order, dimension).forEach((member, lines) ->
                        add(dimension, member, hour, day, order.measures(lines, dimension.keepsLatency()), sign));
            }
        }
    }

    private void add(Dimension dimension, String member, long hour, long day, Measures measures, int sign) {
        if (dimension != Dimension.PRODUCT) {
            merge(new RollupKey(Resolution.HOUR, hour, dimension, member), measures, sign);
        }
        merge(new RollupKey(Resolution.DAY, day, dimension, member), measures, sign);
    }

    private void merge(RollupKey key, Measures measures, int sign) {
        Measures sum = deltas.get(key);
        if (sum == null) {
            deltas.put(key, sum = Measures.zero());
        }
        sum.add(measures, sign);
    }

    private static Map<String, List<OrderLine>> perMember(OrderFacts order, Dimension dimension) {
        Map<String, List<OrderLine>> members = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            members.computeIfAbsent(orUnknown(dimension.value().apply(line)), member -> new ArrayList<>(2)).add(line);
        }
        return members;
    }

    private static String member(OrderFacts order, Dimension dimension) {
        return switch (dimension) {
            case ALL -> "";
            case STATUS -> order.status();
            default -> orUnknown(order.first(dimension.value()));
        };
    }

    private static String orUnknown(Object value) {
        return value == null || value.toString().isBlank() ? OrderFacts.UNKNOWN : value.toString();
    }

    /** The summed deltas, rows whose delta is zero left out, in {@link RollupKey} order. */
    public Map<RollupKey, Measures> deltas() {
        Map<RollupKey, Measures> sorted = new TreeMap<>();
        deltas.forEach((key, measures) -> {
            if (!measures.isZero()) {
                sorted.put(key, measures);
            }
        });
        return sorted;
    }
}
