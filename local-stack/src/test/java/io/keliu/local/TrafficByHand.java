package io.keliu.local;

import io.keliu.contracts.v1.CsvFields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Daily traffic computed by hand from imported order files, by the definitions of docs/traffic.md and the line
 * identity of docs/contracts.md: a row is a line keyed by line_no, else by product_id (#2, #3 … for a product's later
 * rows in the same file and order); a later version (updated_at) replaces a line; rows the import rejected are left
 * out. No code of the services is used.
 */
final class TrafficByHand {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** orders, lines, customers, anonymousOrders, revenue of one day. */
    record Day(long orders, long lines, long customers, long anonymousOrders, BigDecimal revenue) {
    }

    private final Map<String, Map<String, String>> lines = new LinkedHashMap<>();

    /** Applies a file's rows, except those on {@code rejectedLines} (physical line numbers, header = 1). */
    void apply(String resource, Set<Integer> rejectedLines) {
        List<String> text = read(resource);
        List<String> header = CsvFields.split(text.getFirst());
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 1; i < text.size(); i++) {
            List<String> fields = CsvFields.split(text.get(i));
            Map<String, String> row = new HashMap<>();
            for (int j = 0; j < header.size(); j++) {
                row.put(header.get(j), fields.get(j));
            }
            String key = row.get("order_id") + "/" + lineKey(row, taken);
            if (rejectedLines.contains(i + 1)) {
                continue;
            }
            Map<String, String> previous = lines.get(key);
            if (previous == null || version(row).isAfter(version(previous))) {
                lines.put(key, row);
            }
        }
    }

    private static String lineKey(Map<String, String> row, Map<String, Integer> taken) {
        if (!row.get("line_no").isEmpty()) {
            return row.get("line_no");
        }
        int occurrence = taken.merge(row.get("order_id") + "/" + row.get("product_id"), 1, Integer::sum);
        return row.get("product_id") + (occurrence == 1 ? "" : "#" + occurrence);
    }

    Map<LocalDate, Day> byDay() {
        Map<String, List<Map<String, String>>> counted = new LinkedHashMap<>();
        lines.values().stream()
                .filter(row -> Integer.parseInt(row.get("quantity")) > 0)
                .filter(row -> !row.get("cancelled").equals("是") && !row.get("status").equals("已取消"))
                .forEach(row -> counted.computeIfAbsent(row.get("order_id"), any -> new ArrayList<>()).add(row));
        Map<LocalDate, List<List<Map<String, String>>>> ordersByDay = new TreeMap<>();
        counted.values().forEach(order -> {
            Map<String, String> first = order.stream().min(Comparator.comparing(TrafficByHand::created)).orElseThrow();
            ordersByDay.computeIfAbsent(created(first).atZone(ZONE).toLocalDate(), any -> new ArrayList<>()).add(order);
        });
        Map<LocalDate, Day> days = new TreeMap<>();
        ordersByDay.forEach((day, orders) -> {
            Set<String> customers = new HashSet<>();
            long anonymous = 0;
            long lineCount = 0;
            BigDecimal revenue = BigDecimal.ZERO;
            for (List<Map<String, String>> order : orders) {
                String user = order.getFirst().get("user_id");
                if (user.isEmpty()) {
                    anonymous++;
                } else {
                    customers.add(user);
                }
                lineCount += order.size();
                for (Map<String, String> line : order) {
                    revenue = revenue.add(new BigDecimal(line.get("amount").replace("¥", "").replace(",", "")));
                }
            }
            days.put(day, new Day(orders.size(), lineCount, customers.size(), anonymous, revenue));
        });
        return days;
    }

    private static Instant version(Map<String, String> row) {
        if (!row.get("updated_at").isEmpty()) {
            return time(row.get("updated_at"));
        }
        Instant created = created(row);
        return row.get("paid_at").isEmpty() || time(row.get("paid_at")).isBefore(created)
                ? created : time(row.get("paid_at"));
    }

    private static Instant created(Map<String, String> row) {
        return time(row.get("created_at"));
    }

    private static Instant time(String text) {
        return text.contains("T") ? OffsetDateTime.parse(text).toInstant()
                : LocalDateTime.parse(text, LOCAL).atZone(ZONE).toInstant();
    }

    private static List<String> read(String resource) {
        try (InputStream in = TrafficByHand.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
