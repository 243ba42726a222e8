package io.keliu.analytics.baskets;

import io.keliu.analytics.customers.OrderNetting;
import io.keliu.analytics.io.DataFormatException;
import io.keliu.analytics.io.TextLines;
import io.keliu.contracts.v1.OrderLine;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

    /** One basket per line of a UTF-8 file, items separated by commas; blank lines are skipped. */
    public static Baskets readBasketFile(Path file) {
        return readBasketFile(file, StandardCharsets.UTF_8);
    }

    public static Baskets readBasketFile(Path file, Charset charset) {
        List<String> lines = TextLines.readAll(file, charset);
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

    /**
     * One basket per order (anonymous ones too): the products the newest versions of its lines still add, i.e. whose
     * net quantity in the order is above 0 (docs/analytics.md). An order with none, such as a refund, is no basket.
     */
    public static Baskets fromOrders(Collection<OrderLine> lines) {
        Map<String, Map<String, Integer>> byOrder = new LinkedHashMap<>();
        for (OrderLine line : OrderNetting.latestVersions(lines)) {
            byOrder.computeIfAbsent(line.orderId(), id -> new LinkedHashMap<>())
                    .merge(line.productId(), OrderNetting.netQuantity(line), Integer::sum);
        }
        List<Set<String>> baskets = new ArrayList<>(byOrder.size());
        for (Map<String, Integer> quantities : byOrder.values()) {
            Set<String> basket = new LinkedHashSet<>();
            quantities.forEach((product, quantity) -> {
                if (quantity > 0) {
                    basket.add(product);
                }
            });
            if (!basket.isEmpty()) {
                baskets.add(basket);
            }
        }
        if (baskets.isEmpty()) {
            throw new DataFormatException("no order buys anything (after cancellations and refunds) to form baskets");
        }
        return of(baskets);
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
