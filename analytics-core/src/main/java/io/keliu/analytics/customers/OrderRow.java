package io.keliu.analytics.customers;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.FieldError;
import io.keliu.contracts.v1.Flags;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.contracts.v1.Vocabulary;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.keliu.analytics.customers.OrderColumns.*;

/**
 * One data row of an orders file, validated by the rules of the import (docs/contracts.md, "Orders"): every fault
 * of the row is collected, so that a rejected row reports them all at once. Province and city are taken as written
 * (the import also reads them off the shipping address; no analysis here uses them).
 */
final class OrderRow {
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    private static final int ID_LENGTH = 64;
    private static final int MAX_QUANTITY = 1_000_000;
    private static final int MAX_DECIMAL_PLACES = 4;
    private static final BigDecimal TOO_LARGE = BigDecimal.TEN.pow(14);

    private final List<String> fields;
    private final int[] columnOf;
    private final long line;
    private final Timestamps timestamps;
    private final Instant now;
    private final List<FieldError> errors = new ArrayList<>(2);

    OrderRow(List<String> fields, int[] columnOf, long line, Timestamps timestamps, Instant now) {
        this.fields = fields;
        this.columnOf = columnOf;
        this.line = line;
        this.timestamps = timestamps;
        this.now = now;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** The line, or null when the row has faults (then {@link #errors()} says which). */
    OrderLine read() {
        String orderId = text(ORDER_ID, ID_LENGTH, true);
        String userId = text(USER_ID, ID_LENGTH, false);
        Instant createdAt = instant(CREATED_AT, true);
        Instant paidAt = instant(PAID_AT, false);
        String productId = text(PRODUCT_ID, ID_LENGTH, true);
        Integer quantity = quantity();
        BigDecimal amount = decimal(AMOUNT, true);
        BigDecimal unitPrice = decimal(UNIT_PRICE, false);
        String address = text(SHIPPING_ADDRESS, 500, false);
        OrderType orderType = word(ORDER_TYPE, OrderType.WORDS);
        Channel channel = word(CHANNEL, Channel.WORDS);
        OrderStatus status = word(STATUS, OrderStatus.WORDS);
        boolean cancelled = flag();
        String remark = text(REMARK, 2000, false);
        String category = text(CATEGORY, 128, false);
        Instant updatedAt = instant(UPDATED_AT, false);
        String lineNo = text(LINE_NO, 32, false);
        String country = text(COUNTRY, 64, false);
        String province = text(PROVINCE, 64, false);
        String city = text(CITY, 64, false);
        if (createdAt != null && paidAt != null && paidAt.isBefore(createdAt)) {
            reject(PAID_AT, "is before created_at; an order is paid after it is created");
        }
        checkSigns(quantity, amount, unitPrice, cancelled || (status != null && status.reverses()));
        if (!errors.isEmpty()) {
            return null;
        }
        return new OrderLine(orderId, lineNo != null ? lineNo : productId, userId, userId == null, createdAt,
                paidAt, productId, category, quantity, unitPrice, amount, address, province, city, country,
                orderType, channel, status, cancelled, remark, updatedAt);
    }

    /** Negative values take back an earlier line, which only a cancellation or refund does. */
    private void checkSigns(Integer quantity, BigDecimal amount, BigDecimal unitPrice, boolean reversal) {
        if (quantity != null && quantity == 0) {
            reject(QUANTITY, "is 0; a line orders at least one item");
        }
        String hint = " on a line that is neither cancelled nor refunded; mark it cancelled or status REFUNDED, "
                + "or correct the sign";
        if (!reversal && quantity != null && quantity < 0) {
            reject(QUANTITY, "is negative (" + quantity + ")" + hint);
        }
        if (!reversal && amount != null && amount.signum() < 0) {
            reject(AMOUNT, "is negative (" + amount.toPlainString() + ")" + hint);
        }
        if (unitPrice != null && unitPrice.signum() < 0) {
            reject(UNIT_PRICE, "is negative; a unit price is never below 0");
        }
    }

    private void reject(OrderColumns field, String reason) {
        errors.add(new FieldError(line, field.fieldName(), reason));
    }

    /** The trimmed value, null when blank or the column is absent. */
    String value(OrderColumns field) {
        int column = columnOf[field.ordinal()];
        if (column < 0) {
            return null;
        }
        String text = fields.get(column).strip();
        return text.isEmpty() ? null : text;
    }

    private boolean missing(OrderColumns field, boolean required) {
        if (value(field) != null) {
            return false;
        }
        if (required) {
            reject(field, "is required but empty");
        }
        return true;
    }

    private String text(OrderColumns field, int maxLength, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        String text = value(field);
        if (text.length() > maxLength) {
            reject(field, "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
            return null;
        }
        return text;
    }

    private Instant instant(OrderColumns field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        String text = value(field);
        Instant instant;
        try {
            instant = timestamps.parse(text);
        } catch (DateTimeException e) {
            reject(field, e.getMessage());
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(now.plus(FUTURE_TOLERANCE))) {
            reject(field, "'" + text + "' is outside the plausible range (1990 until tomorrow)");
            return null;
        }
        return instant;
    }

    /** A whole number; spreadsheets write 3 as "3.0", which is still 3. */
    private Integer quantity() {
        if (missing(QUANTITY, true)) {
            return null;
        }
        String text = value(QUANTITY);
        long value;
        try {
            value = Long.parseLong(text.matches("-?\\d+\\.0+") ? text.substring(0, text.indexOf('.')) : text);
        } catch (NumberFormatException e) {
            reject(QUANTITY, "'" + text + "' is not a whole number");
            return null;
        }
        if (Math.abs(value) > MAX_QUANTITY) {
            reject(QUANTITY, value + " is out of range [" + -MAX_QUANTITY + ", " + MAX_QUANTITY + "]");
            return null;
        }
        return (int) value;
    }

    /** Exact decimal; tolerates a currency sign and thousands separators ("¥1,299.00"). */
    private BigDecimal decimal(OrderColumns field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        String text = value(field);
        BigDecimal value;
        try {
            value = new BigDecimal(text.replaceAll("[,¥￥$ 元]", ""));
        } catch (NumberFormatException e) {
            reject(field, "'" + text + "' is not a number");
            return null;
        }
        if (value.scale() > MAX_DECIMAL_PLACES && value.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            reject(field, "'" + text + "' has more than " + MAX_DECIMAL_PLACES + " decimal places");
            return null;
        }
        if (value.abs().compareTo(TOO_LARGE) >= 0) {
            reject(field, "'" + text + "' is too large");
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> E word(OrderColumns field, Vocabulary<E> vocabulary) {
        String text = value(field);
        if (text == null) {
            return null;
        }
        E value = vocabulary.lookup(text).orElse(null);
        if (value == null) {
            reject(field, "'" + text + "' is not a known value; use one of " + vocabulary.describe()
                    + " (or its Chinese word)");
        }
        return value;
    }

    private boolean flag() {
        String text = value(CANCELLED);
        if (text == null) {
            return false;
        }
        Boolean flag = Flags.parse(text).orElse(null);
        if (flag == null) {
            reject(CANCELLED, "'" + text + "' is not true or false (accepted: " + Flags.ACCEPTED + ")");
            return false;
        }
        return flag;
    }
}
