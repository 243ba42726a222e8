package io.keliu.analytics.baskets;

import io.keliu.analytics.customers.OrderLine;
import io.keliu.analytics.io.DataFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Market baskets with items coded as integers. Item codes are ranks by descending frequency (0 = most frequent), the
 * order the FP-tree inserts items in; every basket lists each item once, codes ascending.
 *
 * @param items        item names, indexed by code
 * @param itemCounts   baskets containing each item
 * @param transactions the baskets
 */
public record Baskets(List<String> items, int[] itemCounts, int[][] transactions) {

    /** One basket per line, items separated by commas; blank lines are skipped. */
    public static Baskets readBasketFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Set<String>> baskets = new ArrayList<>(lines.size());
        for (String line : lines) {
            Set<String> basket = new LinkedHashSet<>();
            for (String item : line.split(",")) {
                if (!item.isBlank()) {
                    basket.add(item.strip());
                }
            }
            if (!basket.isEmpty()) {
                baskets.add(basket);
            }
        }
        if (baskets.isEmpty()) {
            throw new DataFormatException(file + ": empty file (no baskets)");
        }
        return of(baskets);
    }

    /** One basket per order: the distinct products of its valid lines. */
    public static Baskets fromOrders(List<OrderLine> lines) {
        Map<String, Set<String>> byOrder = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            byOrder.computeIfAbsent(line.orderId(), id -> new LinkedHashSet<>()).add(line.productId());
        }
        if (byOrder.isEmpty()) {
            throw new DataFormatException("no valid order lines to form baskets");
        }
        return of(byOrder.values());
    }

    public static Baskets of(Collection<? extends Set<String>> baskets) {
        Map<String, Integer> counts = new HashMap<>();
        for (Set<String> basket : baskets) {
            basket.forEach(item -> counts.merge(item, 1, Integer::sum));
        }
        List<String> items = new ArrayList<>(counts.keySet());
        items.sort(Comparator.comparing((String item) -> -counts.get(item)).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> code = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            code.put(items.get(i), i);
        }
        int[][] transactions = baskets.stream()
                .map(basket -> basket.stream().mapToInt(code::get).sorted().toArray())
                .toArray(int[][]::new);
        int[] itemCounts = items.stream().mapToInt(counts::get).toArray();
        return new Baskets(List.copyOf(items), itemCounts, transactions);
    }

    public int size() {
        return transactions.length;
    }

    List<String> names(int[] codes) {
        return Arrays.stream(codes).mapToObj(items::get).toList();
    }
}
