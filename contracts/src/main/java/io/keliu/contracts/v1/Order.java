package io.keliu.contracts.v1;

import java.math.BigDecimal;
import java.util.List;

/** An order as the API shows it: its lines and their total. The header fields are those of its newest line. */
public record Order(String orderId, String userId, List<OrderLine> lines) {

    public BigDecimal total() {
        return lines.stream().filter(line -> !line.reversal() || line.amount().signum() < 0)
                .map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
