package io.keliu.forecast.traffic;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * A test order file (one row per version of a line, later rows are later versions) read two ways: as the change
 * events ingest would publish for it, and by hand, straight from the rows by the definitions of docs/traffic.md.
 */
record OrderFile(List<Map<String, String>> rows) {

    static OrderFile read(String resource) throws IOException {
        try (InputStream in = OrderFile.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            String[] header = lines.getFirst().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], fields[i]);
                }
                rows.add(row);
            }
            return new OrderFile(rows);
        }
    }

    /** One event per row: before is the previous row of the same line, as ingest publishes a new version. */
    List<ChangeEvent<OrderLine>> events() {
        Map<String, OrderLine> current = new HashMap<>();
        List<ChangeEvent<OrderLine>> events = new ArrayList<>();
        for (Map<String, String> row : rows) {
            OrderLine line = line(row);
            String key = line.orderId() + "/" + line.lineKey();
            events.add(new ChangeEvent<>(UUID.nameUUIDFromBytes((key + line.updatedAt()).getBytes(StandardCharsets.UTF_8))
                    .toString(), ChangeEvent.SCHEMA_VERSION, key, line.updatedAt(), current.put(key, line), line));
        }
        return events;
    }

    private static OrderLine line(Map<String, String> row) {
        String user = row.get("user_id");
        return new OrderLine(row.get("order_id"), row.get("line_no"), user.isEmpty() ? null : user, user.isEmpty(),
                instant(row.get("created_at")), null, row.get("product_id"), null,
                Integer.parseInt(row.get("quantity")), null, new BigDecimal(row.get("amount")), null,
                blankToNull(row.get("province")), blankToNull(row.get("city")), blankToNull(row.get("country")),
                OrderType.valueOf(row.get("order_type")), Channel.valueOf(row.get("channel")),
                OrderStatus.valueOf(row.get("status")), Boolean.parseBoolean(row.get("cancelled")), null,
                instant(row.get("updated_at")));
    }

    /** Orders, lines, customers, anonymous orders and revenue by day and province, computed from the rows by hand. */
    Map<LocalDate, Map<String, Expected>> byDayAndProvince(ZoneId zone) {
        return byDayAnd(zone, first -> first.get("province"));
    }

    /**
     * The same by day and the group {@code group} gives an order from its first counted line (null: left out), e.g.
     * its city within one province.
     */
    Map<LocalDate, Map<String, Expected>> byDayAnd(ZoneId zone, Function<Map<String, String>, String> group) {
        return byBucketAnd(created -> created.atZone(zone).toLocalDate(), group);
    }

    /** Orders by the bucket {@code bucket} gives an order's created_at (e.g. its hour in the zone). */
    <B extends Comparable<? super B>> Map<B, Long> ordersBy(Function<Instant, B> bucket) {
        Map<B, Long> orders = new TreeMap<>();
        byBucketAnd(bucket, first -> "").forEach((start, cells) -> orders.put(start, cells.get("").orders));
        return orders;
    }

    private <B extends Comparable<? super B>> Map<B, Map<String, Expected>> byBucketAnd(
            Function<Instant, B> bucket, Function<Map<String, String>, String> group) {
        Map<String, Map<String, String>> latest = new LinkedHashMap<>();
        rows.forEach(row -> latest.put(row.get("order_id") + "/" + row.get("line_no"), row));
        Map<String, List<Map<String, String>>> countedByOrder = new LinkedHashMap<>();
        for (Map<String, String> row : latest.values()) {
            boolean cancelled = Boolean.parseBoolean(row.get("cancelled")) || row.get("status").equals("CANCELLED");
            if (Integer.parseInt(row.get("quantity")) > 0 && !cancelled) {
                countedByOrder.computeIfAbsent(row.get("order_id"), any -> new ArrayList<>()).add(row);
            }
        }
        Map<B, Map<String, Expected>> expected = new TreeMap<>();
        countedByOrder.forEach((order, lines) -> {
            Map<String, String> first = lines.stream().min((a, b) -> {
                int byTime = instant(a.get("created_at")).compareTo(instant(b.get("created_at")));
                return byTime != 0 ? byTime : a.get("line_no").compareTo(b.get("line_no"));
            }).orElseThrow();
            B start = bucket.apply(instant(first.get("created_at")));
            String member = group.apply(first);
            if (member == null) {
                return;
            }
            Expected cell = expected.computeIfAbsent(start, any -> new TreeMap<>())
                    .computeIfAbsent(member, any -> new Expected());
            cell.orders++;
            cell.lines += lines.size();
            lines.forEach(line -> cell.revenue = cell.revenue.add(new BigDecimal(line.get("amount"))));
            if (first.get("user_id").isEmpty()) {
                cell.anonymousOrders++;
            } else {
                cell.customers.add(first.get("user_id"));
            }
        });
        return expected;
    }

    static final class Expected {
        long orders;
        long lines;
        long anonymousOrders;
        final Set<String> customers = new HashSet<>();
        BigDecimal revenue = BigDecimal.ZERO;
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
