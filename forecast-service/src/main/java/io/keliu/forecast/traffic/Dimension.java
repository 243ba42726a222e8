package io.keliu.forecast.traffic;

import java.util.Locale;
import java.util.function.Function;

/** What traffic is grouped by. TOTAL has one member, the empty string; a line without a value has member "". */
public enum Dimension {
    TOTAL("total", order -> ""),
    PROVINCE("province", OrderTraffic::province),
    CITY("city", OrderTraffic::city),
    COUNTRY("country", OrderTraffic::country),
    CHANNEL("channel", OrderTraffic::channel),
    ORDER_TYPE("orderType", OrderTraffic::orderType);

    private final String parameter;
    private final Function<OrderTraffic, String> member;

    Dimension(String parameter, Function<OrderTraffic, String> member) {
        this.parameter = parameter;
        this.member = member;
    }

    /** The name in the API ({@code groupBy=orderType}). */
    public String parameter() {
        return parameter;
    }

    /** The name in the database. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String memberOf(OrderTraffic order) {
        String value = member.apply(order);
        return value == null ? "" : value;
    }
}
