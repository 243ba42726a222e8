package io.keliu.ingest.orders;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.FieldError;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.records.RawRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLineNormalizerTest {
    private final OrderLineNormalizer normalizer = new OrderLineNormalizer(RawRecords.SHANGHAI, RawRecords.NOW);

    private static Map<String, String> valid() {
        Map<String, String> fields = new HashMap<>();
        fields.put("order_id", "O-1");
        fields.put("user_id", "U-1");
        fields.put("created_at", "2024-05-01 10:00:00");
        fields.put("product_id", "SKU-1");
        fields.put("quantity", "2");
        fields.put("amount", "59.80");
        return fields;
    }

    private Normalized<OrderLine> normalize(Map<String, String> fields) {
        return normalizer.normalize(RawRecords.of(OrderFields.FIELDS, fields));
    }

    private OrderLine accepted(Map<String, String> fields) {
        Normalized<OrderLine> result = normalize(fields);
        assertThat(result.errors()).isEmpty();
        return result.value();
    }

    private FieldError onlyError(Map<String, String> fields) {
        Normalized<OrderLine> result = normalize(fields);
        assertThat(result.isAccepted()).isFalse();
        assertThat(result.errors()).hasSize(1);
        return result.errors().getFirst();
    }

    @Test
    void readsEveryFieldOfSeed001() {
        Map<String, String> fields = valid();
        fields.put("paid_at", "2024-05-01T10:05:30.250+08:00");
        fields.put("shipping_address", "江苏省苏州市工业园区星湖街 328 号");
        fields.put("order_type", "网络");
        fields.put("channel", "手机端");
        fields.put("status", "待发货");
        fields.put("cancelled", "否");
        fields.put("remark", "请尽快发货, 谢谢");
        fields.put("unit_price", "¥29.90");
        fields.put("category", "食品");
        fields.put("updated_at", "2024-05-01T02:06:00Z");
        fields.put("line_no", "1");
        OrderLine line = accepted(fields);
        assertThat(line.orderId()).isEqualTo("O-1");
        assertThat(line.lineKey()).isEqualTo("1");
        assertThat(line.userId()).isEqualTo("U-1");
        assertThat(line.anonymous()).isFalse();
        assertThat(line.createdAt()).isEqualTo(Instant.parse("2024-05-01T02:00:00Z"));
        assertThat(line.paidAt()).isEqualTo(Instant.parse("2024-05-01T02:05:30.250Z"));
        assertThat(line.productId()).isEqualTo("SKU-1");
        assertThat(line.quantity()).isEqualTo(2);
        assertThat(line.amount()).isEqualByComparingTo("59.80");
        assertThat(line.unitPrice()).isEqualByComparingTo("29.90");
        assertThat(line.shippingAddress()).startsWith("江苏省苏州市");
        assertThat(line.province()).isEqualTo("江苏省");
        assertThat(line.city()).isEqualTo("苏州市");
        assertThat(line.country()).isEqualTo("CN");
        assertThat(line.orderType()).isEqualTo(OrderType.WEB);
        assertThat(line.channel()).isEqualTo(Channel.MOBILE);
        assertThat(line.status()).isEqualTo(OrderStatus.PENDING_SHIPMENT);
        assertThat(line.cancelled()).isFalse();
        assertThat(line.remark()).isEqualTo("请尽快发货, 谢谢");
        assertThat(line.category()).isEqualTo("食品");
        assertThat(line.updatedAt()).isEqualTo(Instant.parse("2024-05-01T02:06:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"PC,PC", "pc,PC", "手机端,MOBILE", "MOBILE,MOBILE", "微信,WECHAT", "微信端,WECHAT", "WECHAT,WECHAT",
            "App,APP", "APP,APP"})
    void channelWords(String word, Channel expected) {
        Map<String, String> fields = valid();
        fields.put("channel", word);
        assertThat(accepted(fields).channel()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"电话,PHONE", "PHONE,PHONE", "网络,WEB", "WEB,WEB", "自提,PICKUP", "PICKUP,PICKUP", "pick-up,PICKUP"})
    void orderTypeWords(String word, OrderType expected) {
        Map<String, String> fields = valid();
        fields.put("order_type", word);
        assertThat(accepted(fields).orderType()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"待付款,PENDING_PAYMENT", "PENDING_PAYMENT,PENDING_PAYMENT", "pending payment,PENDING_PAYMENT",
            "已付款,PAID", "待发货,PENDING_SHIPMENT", "PENDING_SHIPMENT,PENDING_SHIPMENT", "已发货,SHIPPED",
            "已完成,COMPLETED", "COMPLETED,COMPLETED", "已取消,CANCELLED", "已退款,REFUNDED"})
    void statusWords(String word, OrderStatus expected) {
        Map<String, String> fields = valid();
        fields.put("status", word);
        assertThat(accepted(fields).status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "1,true", "是,true", "yes,true", "false,false", "0,false", "否,false", "N,false"})
    void cancelledWords(String word, boolean expected) {
        Map<String, String> fields = valid();
        fields.put("cancelled", word);
        fields.put("quantity", "1");
        assertThat(accepted(fields).cancelled()).isEqualTo(expected);
    }

    @Test
    void anOrderWithoutUserIsKeptAndFlaggedAnonymous() {
        Map<String, String> fields = valid();
        fields.put("user_id", " ");
        OrderLine line = accepted(fields);
        assertThat(line.anonymous()).isTrue();
        assertThat(line.userId()).isNull();
    }

    @Test
    void negativeValuesAreValidOnlyOnCancellationsAndRefunds() {
        Map<String, String> fields = valid();
        fields.put("quantity", "-2");
        fields.put("amount", "-59.80");
        Normalized<OrderLine> plain = normalize(fields);
        assertThat(plain.errors()).extracting(FieldError::field).containsExactly("quantity", "amount");
        assertThat(plain.errors().getFirst().reason()).contains("neither cancelled nor refunded");

        fields.put("status", "已退款");
        assertThat(accepted(fields).amount()).isEqualByComparingTo("-59.80");
        fields.remove("status");
        fields.put("cancelled", "true");
        assertThat(accepted(fields).quantity()).isEqualTo(-2);
    }

    @Test
    void eachKindOfBadValueNamesItsField() {
        assertThat(onlyError(without("order_id"))).extracting(FieldError::field, FieldError::reason)
                .containsExactly("order_id", "is required but empty");
        assertThat(onlyError(with("quantity", "two")).reason()).isEqualTo("'two' is not a whole number");
        assertThat(onlyError(with("quantity", "0")).reason()).contains("is 0");
        assertThat(onlyError(with("quantity", "2.5")).reason()).contains("not a whole number");
        assertThat(onlyError(with("amount", "12,5x")).field()).isEqualTo("amount");
        assertThat(onlyError(with("amount", "1.23456")).reason()).contains("more than 4 decimal places");
        assertThat(onlyError(with("channel", "carrier pigeon")).reason())
                .contains("'carrier pigeon' is not a known value; use one of PC, MOBILE, WECHAT");
        assertThat(onlyError(with("created_at", "2024-13-01")).field()).isEqualTo("created_at");
        assertThat(onlyError(with("created_at", "1899-01-01")).reason()).contains("outside the plausible range");
        assertThat(onlyError(with("paid_at", "2024-04-30")).reason()).contains("before created_at");
        assertThat(onlyError(with("cancelled", "maybe")).field()).isEqualTo("cancelled");
        assertThat(onlyError(with("remark", "x".repeat(2001))).reason()).contains("at most 2000");
        assertThat(onlyError(with("unit_price", "-1")).field()).isEqualTo("unit_price");
    }

    @Test
    void spreadsheetNumbersAndMoneyFormatsAreRead() {
        assertThat(accepted(with("quantity", "3.0")).quantity()).isEqualTo(3);
        assertThat(accepted(with("amount", "¥1,299.00")).amount()).isEqualByComparingTo(new BigDecimal("1299"));
    }

    @Test
    void lineKeyDefaultsToTheProduct() {
        assertThat(accepted(valid()).lineKey()).isEqualTo("SKU-1");
    }

    @ParameterizedTest
    @CsvSource({"中国,CN", "China,CN", "CN,CN", "中华人民共和国,CN", "英国,GB", "United Kingdom,GB", "GB,GB",
            "EIRE,IE", "美国,US", "USA,US"})
    void countriesAreStoredAsIsoCodes(String word, String code) {
        assertThat(accepted(with("country", word)).country()).isEqualTo(code);
    }

    @Test
    void anUnknownCountryIsRejectedAndUnspecifiedIsAbsent() {
        assertThat(onlyError(with("country", "Atlantis")).reason()).contains("not a country we know", "ISO 3166-1");
        assertThat(accepted(with("country", "Unspecified")).country()).isNull();
    }

    @Test
    void regionColumnsWinOverTheAddressAndProvinceNamesAreCanonical() {
        Map<String, String> fields = valid();
        fields.put("shipping_address", "上海市浦东新区世纪大道 1 号");
        assertThat(accepted(fields)).extracting(OrderLine::province, OrderLine::city)
                .containsExactly("上海市", "上海市");
        fields.put("province", "Zhejiang");
        fields.put("city", "宁波市");
        assertThat(accepted(fields)).extracting(OrderLine::province, OrderLine::city)
                .containsExactly("浙江省", "宁波市");
    }

    private static Map<String, String> with(String field, String value) {
        Map<String, String> fields = valid();
        fields.put(field, value);
        return fields;
    }

    private static Map<String, String> without(String field) {
        Map<String, String> fields = valid();
        fields.remove(field);
        return fields;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "order_id|O-\\u0000-1|contains a control character (U+0000) at character 3",
            "order_id|O-\\ud800-1|contains half a surrogate pair (U+D800) at character 3",
            "product_id|SKU-\\udc00|contains half a surrogate pair (U+DC00) at character 5",
            "user_id|U-\\t1|contains a control character (U+0009) at character 3",
            "line_no|1\\u00852|contains a control character (U+0085) at character 2",
            "status|已\\u0007付款|contains a control character (U+0007) at character 2",
            "remark|half \\ud83d pair|contains half a surrogate pair (U+D83D) at character 6",
            "remark|a \\u0000 in a remark|contains a control character (U+0000) at character 3"})
    void rejectsCharactersThatCannotBeStoredOrHaveNoPlaceInAnId(String field, String escaped, String reason) {
        Map<String, String> fields = valid();
        fields.put(field, unescape(escaped));
        FieldError error = onlyError(fields);
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.reason()).startsWith(reason);
    }

    @Test
    void keepsTabsAndLineBreaksInFreeTextAndWholeSurrogatePairsAnywhere() {
        Map<String, String> fields = valid();
        fields.put("remark", "line one\n\tline two 😀");
        fields.put("product_id", "SKU-😀");
        OrderLine line = accepted(fields);
        assertThat(line.remark()).isEqualTo("line one\n\tline two 😀");
        assertThat(line.productId()).isEqualTo("SKU-😀");
    }

    private static String unescape(String escaped) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            if (escaped.startsWith("\\u", i)) {
                text.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (escaped.startsWith("\\t", i)) {
                text.append('\t');
                i++;
            } else {
                text.append(escaped.charAt(i));
            }
        }
        return text.toString();
    }
}
