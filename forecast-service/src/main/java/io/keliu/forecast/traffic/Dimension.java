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
    ORDER_TYPE("orderType", OrderTraffic::orderType),
    /**
     * A city within its province (member {@code 广东省␟深圳市}, see {@link #provinceCity}), so that a province's cities
     * can be ranked without counting another province's city of the same name. Only by day, and not a grouping of
     * the traffic API: it serves the drill-down from a province to its cities.
     */
    PROVINCE_CITY("provinceCity", order -> provinceCity(order.province(), order.city()));

    /** Joins province and city in a {@link #PROVINCE_CITY} member: the ASCII unit separator, never in a name. */
    public static final char SEPARATOR = '\u001F';

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

    /** Whether orders are counted in this dimension at {@code granularity}. */
    public boolean countedAt(Granularity granularity) {
        return this != PROVINCE_CITY || granularity == Granularity.DAY;
    }

    /** Whether the traffic API may group by this dimension. */
    public boolean grouping() {
        return this != TOTAL && this != PROVINCE_CITY;
    }

    /** The {@link #PROVINCE_CITY} member of a province and city; "" when both are missing. */
    public static String provinceCity(String province, String city) {
        if (province == null && city == null) {
            return "";
        }
        return (province == null ? "" : province) + SEPARATOR + (city == null ? "" : city);
    }
}
