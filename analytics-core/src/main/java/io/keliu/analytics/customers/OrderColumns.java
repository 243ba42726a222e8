package io.keliu.analytics.customers;

import io.keliu.analytics.io.DataFormatException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of the orders import format (docs/contracts.md) and the header words that name them, matched as the
 * import matches them: ignoring case, blanks, '-' and '_', with the Chinese names of the design documents.
 */
enum OrderColumns {
    ORDER_ID("订单ID", "订单号", "订单编号", "orderId"),
    USER_ID("用户ID", "客户ID", "会员ID", "userId", "customer_id"),
    CREATED_AT("创建日期", "创建时间", "下单时间", "order_date", "createdAt"),
    PAID_AT("支付日期", "支付时间", "付款时间", "paidAt"),
    PRODUCT_ID("商品ID", "商品编号", "sku", "productId"),
    QUANTITY("商品数量", "数量", "qty"),
    AMOUNT("订单金额", "金额", "line_total"),
    SHIPPING_ADDRESS("收货地址", "地址", "address"),
    ORDER_TYPE("下单类型", "订单类型", "orderType"),
    CHANNEL("下单渠道", "渠道"),
    STATUS("订单状态", "状态"),
    CANCELLED("是否取消", "canceled", "is_cancelled"),
    REMARK("备注", "note", "notes"),
    UNIT_PRICE("单价", "price", "unitPrice"),
    PROVINCE("省份", "省"),
    CITY("城市", "市"),
    COUNTRY("国家"),
    CATEGORY("商品类目", "类目", "品类"),
    UPDATED_AT("更新时间", "updatedAt"),
    LINE_NO("行号", "line_number", "lineNo");

    private static final List<OrderColumns> REQUIRED = List.of(ORDER_ID, CREATED_AT, PRODUCT_ID, QUANTITY, AMOUNT);
    private static final Map<String, OrderColumns> BY_WORD = new HashMap<>();

    static {
        for (OrderColumns column : values()) {
            BY_WORD.put(fold(column.fieldName()), column);
            for (String alias : column.aliases) {
                BY_WORD.put(fold(alias), column);
            }
        }
    }

    private final String[] aliases;

    OrderColumns(String... aliases) {
        this.aliases = aliases;
    }

    /** The name in the import format: order_id, user_id … */
    String fieldName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The column of the file each field is in (-1 when absent), indexed by ordinal; an error naming what is missing
     * when the header lacks a required field.
     */
    static int[] locate(List<String> header, String source, List<String> ignored) {
        int[] columnOf = new int[values().length];
        java.util.Arrays.fill(columnOf, -1);
        for (int c = 0; c < header.size(); c++) {
            OrderColumns column = BY_WORD.get(fold(header.get(c)));
            if (column == null || columnOf[column.ordinal()] >= 0) {
                if (!header.get(c).isBlank()) {
                    ignored.add(header.get(c));
                }
                continue;
            }
            columnOf[column.ordinal()] = c;
        }
        List<String> missing = new ArrayList<>();
        for (OrderColumns required : REQUIRED) {
            if (columnOf[required.ordinal()] < 0) {
                missing.add(required.fieldName());
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(source + ": the header has no column " + String.join(", ", missing)
                    + " (it has: " + String.join(", ", header) + ")");
        }
        return columnOf;
    }

    private static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '\uFEFF' && c != '\u3000') {
                folded.append(c);
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
