package io.keliu.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An order file shaped like a real retail export (a seeded generator, so every run writes the same file): orders of
 * 1 to 600 lines (most under 30, one in 40 a wholesale order of 100–600), products repeated within an order (a third
 * of the lines, some as identical rows), product descriptions and remarks of 60–400 characters, a quarter of the
 * orders anonymous, refunds as separate negative orders, some cancelled lines, countries as English names.
 */
final class RealShapedOrders {
    static final String CSV_HEADER = "order_id,user_id,created_at,product_id,category,quantity,unit_price,amount,"
            + "status,cancelled,country,remark";
    private static final String[] COUNTRIES = {"United Kingdom", "United Kingdom", "United Kingdom", "Germany",
            "France", "EIRE", "Spain", "Netherlands", "China", "中国"};
    private static final String[] WORDS = {"WHITE", "HANGING", "HEART", "T-LIGHT", "HOLDER", "CREAM", "CUPID",
            "HEARTS", "COAT", "HANGER", "KNITTED", "UNION", "FLAG", "HOT", "WATER", "BOTTLE", "RED", "WOOLLY", "GLASS",
            "STAR", "FROSTED", "LANTERN", "SET", "OF", "6", "VINTAGE", "JUMBO", "BAG", "PINK", "POLKADOT", "礼盒",
            "包邮", "请尽快发货", "周末送达", "易碎品", "轻拿轻放"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.ofHours(8));
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private final String prefix;
    private final Random random = new Random(42);

    RealShapedOrders(String prefix) {
        this.prefix = prefix;
    }

    /** Writes orders until the file has {@code lines} data lines (the last order may be cut short). */
    Path write(Path file, long lines) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write(CSV_HEADER);
            writer.newLine();
            long written = 0;
            for (long order = 0; written < lines; order++) {
                for (String row : order(order)) {
                    if (written++ == lines) {
                        break;
                    }
                    writer.write(row);
                    writer.newLine();
                }
            }
        }
        return file;
    }

    private List<String> order(long order) {
        boolean refund = random.nextInt(50) == 0;
        int size = random.nextInt(40) == 0 ? 100 + random.nextInt(501) : 1 + (int) Math.min(29,
                Math.abs(random.nextGaussian()) * 8);
        String user = random.nextInt(4) == 0 ? "" : Integer.toString(12346 + random.nextInt(4300));
        String created = LOCAL.format(Instant.ofEpochSecond(START + order * 53 % (300L * 86_400)));
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String orderId = (refund ? "C" : "") + prefix + order;
        List<String> rows = new ArrayList<>(size);
        List<Integer> products = new ArrayList<>(size);
        for (int line = 0; line < size; line++) {
            if (!rows.isEmpty() && random.nextInt(20) == 0) {
                rows.add(rows.get(random.nextInt(rows.size()))); // the same scan twice
                continue;
            }
            int product = !products.isEmpty() && random.nextInt(3) == 0
                    ? products.get(random.nextInt(products.size())) : random.nextInt(4000);
            products.add(product);
            int quantity = (1 + random.nextInt(random.nextInt(10) == 0 ? 48 : 6)) * (refund ? -1 : 1);
            long cents = 29 + product * 37L % 2500;
            boolean cancelled = !refund && random.nextInt(100) == 0;
            rows.add(orderId + "," + user + "," + created + ",SKU-" + product + ",category " + product % 60 + ","
                    + quantity + "," + BigDecimal.valueOf(cents, 2) + "," + BigDecimal.valueOf(cents * quantity, 2)
                    + "," + (refund ? "已退款" : cancelled ? "已取消" : "已完成") + "," + (cancelled ? "是" : "否") + ","
                    + country + ",\"" + text(60 + random.nextInt(340)) + "\"");
        }
        return rows;
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder(length + 12);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? ", " : " ");
        }
        return text.toString().strip();
    }
}
