package io.keliu.analytics.customers;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;
import io.keliu.contracts.v1.Flags;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.Timestamps;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the platform's orders CSV (one row per order line; header {@code order_id,user_id,created_at,paid_at,
 * product_id,quantity,amount,shipping_address,order_type,channel,status,cancelled,remark}, optional extra columns
 * ignored). Cancelled or refunded lines are dropped here, because no analysis should count them; anonymous lines are
 * kept, because baskets are still baskets without a customer.
 */
public final class OrdersCsv {

    /** Timestamps without an offset are local times of the shop, which is in China. */
    public static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
    /** The import format's own reading of timestamps (docs/contracts.md), shared with ingest. */
    private static final Timestamps TIMESTAMPS = new Timestamps(SHOP_ZONE);

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

    /** Cancelled or refunded, in the words of the import format (true/是, 已取消/CANCELLED, 已退款/REFUNDED …). */
    static boolean isCancelled(String flag, String status) {
        return Flags.parse(flag).orElse(false)
                || OrderStatus.WORDS.lookup(status).map(OrderStatus::reverses).orElse(false);
    }

    /** The shop-local day of a date or timestamp; with an offset it is converted, without it is local. */
    static LocalDate day(CsvTable table, int row, int column) {
        String text = table.text(row, column);
        try {
            return TIMESTAMPS.parse(text).atZone(SHOP_ZONE).toLocalDate();
        } catch (DateTimeException e) {
            throw new DataFormatException(table.where(row, column) + ": " + e.getMessage(), e);
        }
    }
}
