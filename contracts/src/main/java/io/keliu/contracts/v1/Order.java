package io.keliu.contracts.v1;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as the API shows it: its lines and what they add up to. Cancelled lines add nothing; refund lines (negative
 * amounts) subtract.
 */
public record Order(String orderId, String userId, List<OrderLine> lines, BigDecimal total) {

    public static Order of(String orderId, String userId, List<OrderLine> lines) {
        BigDecimal total = lines.stream().filter(line -> !line.reversal() || line.amount().signum() < 0)
                .map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Order(orderId, userId, List.copyOf(lines), total);
    }
}
