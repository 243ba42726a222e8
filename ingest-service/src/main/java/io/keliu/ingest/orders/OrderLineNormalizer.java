package io.keliu.ingest.orders;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.Countries;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.ingest.records.FieldReader;
import io.keliu.ingest.records.RecordNormalizer;
import io.keliu.ingest.records.Regions;
import io.keliu.contracts.v1.Timestamps;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import static io.keliu.ingest.orders.OrderFields.*;

/** Validates an order line: required fields, types, ranges, enumeration words, region; see docs/contracts.md. */
final class OrderLineNormalizer extends RecordNormalizer<OrderLine> {
    private static final int ID_LENGTH = 64;
    private static final int MAX_QUANTITY = 1_000_000;

    OrderLineNormalizer(Timestamps timestamps, Clock clock) {
        super(FIELDS, timestamps, clock);
    }

    @Override
    protected OrderLine read(FieldReader in) {
        String orderId = in.requiredId(ORDER_ID, ID_LENGTH);
        String userId = in.optionalId(USER_ID, ID_LENGTH);
        Instant createdAt = in.requiredInstant(CREATED_AT);
        Instant paidAt = in.optionalInstant(PAID_AT);
        String productId = in.requiredId(PRODUCT_ID, ID_LENGTH);
        Integer quantity = in.requiredInteger(QUANTITY, -MAX_QUANTITY, MAX_QUANTITY);
        BigDecimal amount = in.requiredDecimal(AMOUNT);
        BigDecimal unitPrice = in.optionalDecimal(UNIT_PRICE);
        String address = in.optionalText(SHIPPING_ADDRESS, 500);
        OrderType orderType = in.optionalWord(ORDER_TYPE, OrderType.WORDS);
        Channel channel = in.optionalWord(CHANNEL, Channel.WORDS);
        OrderStatus status = in.optionalWord(STATUS, OrderStatus.WORDS);
        boolean cancelled = in.optionalBoolean(CANCELLED);
        String remark = in.optionalText(REMARK, 2000);
        String category = in.optionalText(CATEGORY, 128);
        Instant updatedAt = in.optionalInstant(UPDATED_AT);
        String lineNo = in.optionalId(LINE_NO, 32);
        String country = country(in);
        String[] region = region(in, address);

        boolean reversal = cancelled || (status != null && status.reverses());
        checkPaidAfterCreated(in, createdAt, paidAt);
        checkSigns(in, quantity, amount, unitPrice, reversal);
        if (in.hasErrors()) {
            return null; // some of the values above are null; the base class rejects the record
        }
        if (country == null && region[0] != null && Regions.isChineseProvince(region[0])) {
            country = "CN";
        }
        return new OrderLine(orderId, lineNo != null ? lineNo : productId, userId, userId == null,
                createdAt, paidAt, productId, category, quantity, unitPrice, amount, address, region[0], region[1],
                country, orderType, channel, status, cancelled, remark, updatedAt);
    }

    /** An ISO 3166-1 alpha-2 code from a code or an English or Chinese name; "Unspecified" and 未知 are absent. */
    private static String country(FieldReader in) {
        String word = in.optionalText(COUNTRY, 64);
        if (word == null || Countries.unspecified(word)) {
            return null;
        }
        String code = Countries.code(word);
        if (code == null) {
            in.reject(COUNTRY, "'" + word + "' is not a country we know; write its ISO 3166-1 code (CN, GB, US …) "
                    + "or its English or Chinese name (China, 中国), or leave it empty");
        }
        return code;
    }

    /** Province and city from their own columns when given, else from the front of the shipping address. */
    private static String[] region(FieldReader in, String address) {
        String province = Regions.canonicalProvince(in.optionalText(PROVINCE, 64));
        String city = in.optionalText(CITY, 64);
        if (province != null && city != null) {
            return new String[] {province, city};
        }
        String[] fromAddress = Regions.fromAddress(address);
        return new String[] {province != null ? province : fromAddress[0], city != null ? city : fromAddress[1]};
    }

    private static void checkPaidAfterCreated(FieldReader in, Instant createdAt, Instant paidAt) {
        if (createdAt != null && paidAt != null && paidAt.isBefore(createdAt)) {
            in.reject(PAID_AT, "is before created_at; an order is paid after it is created");
        }
    }

    /** Negative values take back an earlier line, which only a cancellation or refund does. */
    private static void checkSigns(FieldReader in, Integer quantity, BigDecimal amount, BigDecimal unitPrice,
                                   boolean reversal) {
        if (quantity != null && quantity == 0) {
            in.reject(QUANTITY, "is 0; a line orders at least one item");
        }
        String hint = " on a line that is neither cancelled nor refunded; mark it cancelled or status REFUNDED, "
                + "or correct the sign";
        if (!reversal && quantity != null && quantity < 0) {
            in.reject(QUANTITY, "is negative (" + quantity + ")" + hint);
        }
        if (!reversal && amount != null && amount.signum() < 0) {
            in.reject(AMOUNT, "is negative (" + amount.toPlainString() + ")" + hint);
        }
        if (unitPrice != null && unitPrice.signum() < 0) {
            in.reject(UNIT_PRICE, "is negative; a unit price is never below 0");
        }
    }
}
