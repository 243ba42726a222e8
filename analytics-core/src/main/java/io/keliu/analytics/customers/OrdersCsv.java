package io.keliu.analytics.customers;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the platform's orders CSV (one row per order line; header {@code order_id,user_id,created_at,paid_at,
 * product_id,quantity,amount,shipping_address,order_type,channel,status,cancelled,remark}, optional extra columns
 * ignored). Cancelled or refunded lines are dropped here, because no analysis should count them; anonymous lines are
 * kept, because baskets are still baskets without a customer.
 */
public final class OrdersCsv {

    /** Timestamps without an offset are local times of the shop, which is in China. */
    public static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Set<String> CANCELLED_FLAGS = Set.of("true", "1", "是", "yes", "y");
    private static final Set<String> CANCELLED_STATUSES = Set.of("已取消", "cancelled", "canceled", "已退款", "refunded");

    private OrdersCsv() {
    }

    public static List<OrderLine> read(CsvTable table) {
        int orderId = table.column("order_id");
        int userId = table.column("user_id");
        int createdAt = table.column("created_at");
        int productId = table.column("product_id");
        int quantity = table.column("quantity");
        int amount = table.column("amount");
        int status = table.optionalColumn("status");
        int cancelled = table.optionalColumn("cancelled");
        if (table.size() == 0) {
            throw new DataFormatException(table.source() + ": no order lines");
        }
        List<OrderLine> lines = new ArrayList<>(table.size());
        for (int row = 0; row < table.size(); row++) {
            if (isCancelled(table.text(row, cancelled), table.text(row, status))) {
                continue;
            }
            lines.add(new OrderLine(table.text(row, orderId), table.text(row, userId),
                    day(table, row, createdAt), table.text(row, productId),
                    table.number(row, quantity), table.number(row, amount)));
        }
        return lines;
    }

    /** One purchase per order of a known customer: the order's day, its units and its total. */
    public static List<Purchase> purchases(List<OrderLine> lines) {
        Map<String, Purchase> orders = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            if (line.isAnonymous()) {
                continue;
            }
            orders.merge(line.orderId(), new Purchase(line.customerId(), line.day(), line.quantity(), line.amount()),
                    (a, b) -> new Purchase(a.customerId(), a.day(), a.units() + b.units(), a.amount() + b.amount()));
        }
        return List.copyOf(orders.values());
    }

    static boolean isCancelled(String flag, String status) {
        return CANCELLED_FLAGS.contains(flag.toLowerCase(Locale.ROOT))
                || CANCELLED_STATUSES.contains(status.toLowerCase(Locale.ROOT));
    }

    /** The shop-local day of an ISO-8601 date or timestamp; with an offset it is converted, without it is local. */
    static LocalDate day(CsvTable table, int row, int column) {
        String text = table.text(row, column);
        String iso = text.replace(' ', 'T');
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso);
            }
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso).atZoneSameInstant(SHOP_ZONE).toLocalDate();
            }
            return LocalDateTime.parse(iso).toLocalDate();
        } catch (DateTimeException e) {
            throw new DataFormatException(table.where(row, column) + ": not an ISO-8601 date or timestamp: '"
                    + text + "'", e);
        }
    }
}
