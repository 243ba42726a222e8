package io.keliu.orderanalytics.rollups;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ContributionsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant CREATED = Instant.parse("2024-12-01T15:50:00Z");

    @Test
    void an_order_paid_then_cancelled_counts_once_as_placed_and_once_as_cancelled() {
        OrderLine paid = line("O-1", "A", "CAT-1", 2, "30.00", OrderStatus.PAID, false, 90);
        OrderLine other = line("O-1", "B", "CAT-2", 1, "10.00", OrderStatus.PAID, false, 90);
        OrderFacts before = OrderFacts.of("O-1", List.of(paid, other));
        OrderFacts after = OrderFacts.of("O-1", List.of(cancelled(paid), cancelled(other)));

        Contributions contributions = new Contributions(SHANGHAI);
        contributions.add(before, 1);
        contributions.add(before, -1);
        contributions.add(after, 1);
        Measures day = contributions.deltas().get(new RollupKey(RollupKey.Resolution.DAY,
                java.time.LocalDate.parse("2024-12-01").toEpochDay(), Dimension.ALL, ""));

        assertThat(day.orders()).isEqualTo(1);
        assertThat(day.cancelledOrders()).isEqualTo(1);
        assertThat(day.lines()).isZero();
        assertThat(day.netRevenue()).isEqualByComparingTo("0");
        assertThat(after.status()).isEqualTo("CANCELLED");
    }

    @Test
    void a_separate_refund_order_is_no_order_but_refunds_money() {
        OrderLine refund = new OrderLine("C-9", "A", "U1", false, CREATED, null, "A", "CAT-1", -1, null,
                new BigDecimal("-27.50"), null, "浙江省", null, "CN", OrderType.WEB, Channel.APP, OrderStatus.REFUNDED,
                true, null, null);
        Measures measures = OrderFacts.of("C-9", List.of(refund)).measures(List.of(refund));
        assertThat(measures.orders()).isZero();
        assertThat(measures.refundedOrders()).isEqualTo(1);
        assertThat(measures.refunds()).isEqualByComparingTo("27.50");
        assertThat(measures.netRevenue()).isEqualByComparingTo("-27.50");
    }

    /** Applying random versions one change at a time ends where adding up the final orders from scratch does. */
    @Test
    void deltas_of_random_changes_add_up_to_the_final_state() {
        Random random = new Random(42);
        Map<String, Map<String, OrderLine>> orders = new TreeMap<>();
        Contributions incremental = new Contributions(SHANGHAI);
        for (int change = 0; change < 2_000; change++) {
            String orderId = "O-" + random.nextInt(40);
            Map<String, OrderLine> lines = orders.computeIfAbsent(orderId, id -> new TreeMap<>());
            incremental.add(OrderFacts.of(orderId, lines.values()), -1);
            String key = "L" + random.nextInt(3);
            if (random.nextInt(10) == 0) {
                lines.remove(key);
            } else {
                lines.put(key, randomLine(orderId, key, random));
            }
            incremental.add(OrderFacts.of(orderId, lines.values()), 1);
        }
        Contributions fromScratch = new Contributions(SHANGHAI);
        orders.forEach((id, lines) -> fromScratch.add(OrderFacts.of(id, lines.values()), 1));

        assertThat(render(incremental.deltas())).isEqualTo(render(fromScratch.deltas()));
        assertThat(fromScratch.deltas()).isNotEmpty();
    }

    private static Map<RollupKey, String> render(Map<RollupKey, Measures> deltas) {
        Map<RollupKey, String> rendered = new TreeMap<>();
        deltas.forEach((key, m) -> rendered.put(key, m.orders() + "/" + m.lines() + "/" + m.units() + "/"
                + m.grossRevenue().stripTrailingZeros().toPlainString() + "/"
                + m.refunds().stripTrailingZeros().toPlainString() + "/" + m.cancelledOrders() + "/"
                + m.refundedOrders() + "/" + m.latency().toJson()));
        return rendered;
    }

    private static OrderLine randomLine(String orderId, String key, Random random) {
        OrderStatus status = OrderStatus.values()[random.nextInt(OrderStatus.values().length)];
        boolean negative = status.reverses() && random.nextBoolean();
        int quantity = (1 + random.nextInt(3)) * (negative ? -1 : 1);
        String amount = (negative ? "-" : "") + (10 + random.nextInt(90)) + ".25";
        Instant created = CREATED.plusSeconds(3600L * random.nextInt(20));
        return new OrderLine(orderId, key, random.nextBoolean() ? "U" + random.nextInt(5) : null, false, created,
                random.nextBoolean() ? created.plusSeconds(random.nextInt(900)) : null, "P" + random.nextInt(6),
                random.nextBoolean() ? "CAT-" + random.nextInt(3) : null, quantity, null, new BigDecimal(amount),
                null, "浙江省", null, "CN", OrderType.WEB, Channel.values()[random.nextInt(3)], status,
                status == OrderStatus.CANCELLED && random.nextBoolean(), null, null);
    }

    private static OrderLine line(String orderId, String key, String category, int quantity, String amount,
                                  OrderStatus status, boolean cancelled, long paidAfterSeconds) {
        return new OrderLine(orderId, key, "U1", false, CREATED, CREATED.plusSeconds(paidAfterSeconds), key,
                category, quantity, null, new BigDecimal(amount), null, "浙江省", null, "CN", OrderType.WEB,
                Channel.WECHAT, status, cancelled, null, null);
    }

    private static OrderLine cancelled(OrderLine line) {
        return new OrderLine(line.orderId(), line.lineKey(), line.userId(), false, line.createdAt(), line.paidAt(),
                line.productId(), line.category(), line.quantity(), null, line.amount(), null, line.province(), null,
                line.country(), line.orderType(), line.channel(), OrderStatus.CANCELLED, true, null, null);
    }
}
