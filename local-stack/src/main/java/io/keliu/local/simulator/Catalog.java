package io.keliu.local.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** What the simulated shop sells: categories with typical price ranges; cheap everyday goods sell most often. */
final class Catalog {
    private static final Weighted<Product> PRODUCTS = build();

    private Catalog() {
    }

    static Product draw(RandomGenerator random) {
        return PRODUCTS.draw(random);
    }

    private static Weighted<Product> build() {
        Weighted<Product> products = Weighted.of();
        addCategory(products, "食品饮料", 1000, 12, new String[] {"9.90", "19.90", "29.80", "45.00", "68.00"});
        addCategory(products, "日用百货", 1100, 10, new String[] {"6.50", "15.90", "32.00", "59.00", "88.00"});
        addCategory(products, "服装鞋帽", 1200, 8, new String[] {"59.00", "99.00", "159.00", "269.00", "399.00"});
        addCategory(products, "美妆个护", 1300, 7, new String[] {"39.90", "89.00", "149.00", "259.00", "459.00"});
        addCategory(products, "母婴用品", 1400, 5, new String[] {"49.00", "99.00", "189.00", "299.00"});
        addCategory(products, "图书文具", 1500, 4, new String[] {"12.80", "28.00", "39.80", "59.00"});
        addCategory(products, "家居家装", 1600, 4, new String[] {"79.00", "199.00", "499.00", "1299.00"});
        addCategory(products, "运动户外", 1700, 3, new String[] {"69.00", "149.00", "399.00", "899.00"});
        addCategory(products, "数码家电", 1800, 3, new String[] {"99.00", "299.00", "1299.00", "3999.00", "6999.00"});
        return products;
    }

    /** Cheaper items of a category sell more often than expensive ones. */
    private static void addCategory(Weighted<Product> products, String category, int firstId, double categoryWeight,
                                    String[] prices) {
        List<Product> items = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            items.add(new Product("P" + (firstId + i), category, new BigDecimal(prices[i])));
        }
        for (int i = 0; i < items.size(); i++) {
            products.add(categoryWeight / (i + 1), items.get(i));
        }
    }
}
