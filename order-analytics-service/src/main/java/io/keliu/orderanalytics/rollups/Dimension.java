package io.keliu.orderanalytics.rollups;

import io.keliu.contracts.v1.OrderLine;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What a rollup row is grouped by. The order-level dimensions take one value per order; an order adds to a category
 * or product row only the measures of its lines of that category or product (it counts as an order in each).
 */
public enum Dimension {
    ALL("all", null),
    CHANNEL("channel", OrderLine::channel),
    ORDER_TYPE("orderType", OrderLine::orderType),
    STATUS("status", null),
    PROVINCE("province", OrderLine::province),
    COUNTRY("country", OrderLine::country),
    CATEGORY("category", OrderLine::category),
    PRODUCT("product", OrderLine::productId);

    /** Dimensions a report may group by (the product dimension feeds the top products, daily only). */
    public static final List<Dimension> REPORTED = List.of(CHANNEL, ORDER_TYPE, STATUS, PROVINCE, COUNTRY, CATEGORY);

    private final String parameter;
    private final Function<OrderLine, ?> value;

    Dimension(String parameter, Function<OrderLine, ?> value) {
        this.parameter = parameter;
        this.value = value;
    }

    /** The name in the API and in the rollup tables. */
    public String parameter() {
        return parameter;
    }

    Function<OrderLine, ?> value() {
        return value;
    }

    /** Whether its rows keep payment latencies: not the product rows, which only the top products read. */
    boolean keepsLatency() {
        return this != PRODUCT;
    }

    boolean perLine() {
        return this == CATEGORY || this == PRODUCT;
    }

    public static Dimension ofParameter(String parameter) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(parameter)).findFirst().orElse(null);
    }
}
