package io.keliu.local.simulator;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import java.time.LocalDateTime;
import java.util.List;

/** An order the simulator remembers so that it can send its later versions (paid, shipped, cancelled, refunded). */
final class SimulatedOrder {
    record Line(int lineNo, Product product, int quantity) {
    }

    final String orderId;
    final String userId;
    final LocalDateTime createdAt;
    final String shippingAddress;
    final Region region;
    final OrderType orderType;
    final Channel channel;
    final String remark;
    final List<Line> lines;
    OrderStatus status;
    LocalDateTime paidAt;
    /** The buyer's last order: they lapse after it (CustomerPool). */
    boolean lastBeforeLapsing;

    SimulatedOrder(String orderId, String userId, LocalDateTime createdAt, String shippingAddress, Region region,
                   OrderType orderType, Channel channel, String remark, List<Line> lines) {
        this.orderId = orderId;
        this.userId = userId;
        this.createdAt = createdAt;
        this.shippingAddress = shippingAddress;
        this.region = region;
        this.orderType = orderType;
        this.channel = channel;
        this.remark = remark;
        this.lines = lines;
    }

    boolean isPaid() {
        return paidAt != null;
    }
}
