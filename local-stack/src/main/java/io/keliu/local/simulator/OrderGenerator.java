package io.keliu.local.simulator;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.contracts.v1.Topics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * New orders (one raw record per line, preceded by the buyer's profile when due) and the later versions of open
 * orders: payment, shipment, completion, cancellation, and refunds as negative lines.
 */
final class OrderGenerator {
    private static final int MAX_OPEN_ORDERS = 500;
    private static final int MAX_RECENT_ORDERS = 1000;
    private static final double REFUND_SHARE = 0.15;
    private static final List<String> REMARKS = List.of(
            "请尽快发货", "周末送货", "发票抬头：个人", "不要放快递柜", "礼品包装", "电话联系后再送");
    private static final Weighted<Integer> LINE_COUNTS = Weighted.<Integer>of().add(55, 1).add(25, 2).add(12, 3).add(8, 4);
    private static final Weighted<Integer> QUANTITIES = Weighted.<Integer>of().add(70, 1).add(20, 2).add(6, 3).add(4, 5);
    private static final Weighted<Channel> CHANNELS = Weighted.<Channel>of()
            .add(35, Channel.APP).add(30, Channel.WECHAT).add(20, Channel.MOBILE).add(15, Channel.PC);
    private static final Weighted<OrderType> ORDER_TYPES = Weighted.<OrderType>of()
            .add(80, OrderType.WEB).add(8, OrderType.PHONE).add(12, OrderType.PICKUP);
    private static final Weighted<OrderStatus> FIRST_STATUSES = Weighted.<OrderStatus>of()
            .add(20, OrderStatus.PENDING_PAYMENT).add(25, OrderStatus.PAID)
            .add(40, OrderStatus.PENDING_SHIPMENT).add(15, OrderStatus.COMPLETED);
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final CustomerPool customers;
    private final List<SimulatedOrder> openOrders = new ArrayList<>();
    private final List<SimulatedOrder> recentOrders = new ArrayList<>();
    private final String runTag;
    private long sequence;

    /** @param runTag part of every order id, so that two runs on the same day do not reuse ids */
    OrderGenerator(String runTag, Lapsing lapsing) {
        this.runTag = runTag;
        this.customers = new CustomerPool(lapsing);
    }

    List<Draft> newOrder(LocalDateTime time, RandomGenerator random) {
        List<Draft> drafts = new ArrayList<>();
        Optional<CustomerPool.Customer> buyer = customers.drawBuyer(random);
        buyer.flatMap(customer -> customers.profileIfDue(customer, time, random)).ifPresent(drafts::add);
        Region region = buyer.map(CustomerPool.Customer::region).orElseGet(() -> Regions.draw(random));
        SimulatedOrder order = new SimulatedOrder(
                "SO" + time.format(ID_DATE) + "-" + runTag + "-" + String.format("%05d", ++sequence),
                buyer.map(CustomerPool.Customer::userId).orElse(""),
                time,
                buyer.map(CustomerPool.Customer::address).orElseGet(() -> region.address(random)),
                region,
                ORDER_TYPES.draw(random),
                CHANNELS.draw(random),
                random.nextDouble() < 0.15 ? REMARKS.get(random.nextInt(REMARKS.size())) : "",
                drawLines(random));
        order.lastBeforeLapsing = buyer.isPresent() && customers.lapsesAfterThisOrder(buyer.get(), random);
        order.status = FIRST_STATUSES.draw(random);
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            order.paidAt = time.plusSeconds(20 + random.nextInt(600));
        }
        remember(order, random);
        if (recentOrders.size() >= MAX_RECENT_ORDERS) {
            recentOrders.removeFirst();
        }
        recentOrders.add(order);
        order.lines.forEach(line -> drafts.add(lineDraft(order, line, null, random)));
        return drafts;
    }

    /** The last orders placed, oldest first: what customers write to the service desk about. */
    List<SimulatedOrder> recentOrders() {
        return recentOrders;
    }

    /** A customer complained or gave a rating of 1–2 (the customer pool's lapse model). */
    void badExperience(String userId) {
        customers.badExperience(userId);
    }

    /** The next version of a remembered order, or empty when no order is open. */
    Optional<List<Draft>> laterVersion(LocalDateTime time, RandomGenerator random) {
        if (openOrders.isEmpty()) {
            return Optional.empty();
        }
        SimulatedOrder order = openOrders.get(random.nextInt(openOrders.size()));
        if (order.status == OrderStatus.COMPLETED) {
            openOrders.remove(order);
            return Optional.of(List.of(refundLine(order, time, random)));
        }
        order.status = nextStatus(order.status, random);
        if (order.status == OrderStatus.PAID) {
            order.paidAt = time;
        }
        if (order.status == OrderStatus.CANCELLED || order.status == OrderStatus.COMPLETED) {
            openOrders.remove(order);
            remember(order, random);
        }
        return Optional.of(order.lines.stream().map(line -> lineDraft(order, line, time, random)).toList());
    }

    private static List<SimulatedOrder.Line> drawLines(RandomGenerator random) {
        int count = LINE_COUNTS.draw(random);
        Set<String> products = new HashSet<>();
        List<SimulatedOrder.Line> lines = new ArrayList<>();
        while (lines.size() < count) {
            Product product = Catalog.draw(random);
            if (products.add(product.productId())) {
                lines.add(new SimulatedOrder.Line(lines.size() + 1, product, QUANTITIES.draw(random)));
            }
        }
        return lines;
    }

    /** Keeps orders that will change later; a few completed ones are kept for a refund. */
    private void remember(SimulatedOrder order, RandomGenerator random) {
        boolean changesLater = switch (order.status) {
            case COMPLETED -> random.nextDouble() < REFUND_SHARE;
            case CANCELLED, REFUNDED -> false;
            default -> true;
        };
        if (changesLater) {
            if (openOrders.size() >= MAX_OPEN_ORDERS) {
                openOrders.removeFirst();
            }
            openOrders.add(order);
        }
    }

    private static OrderStatus nextStatus(OrderStatus status, RandomGenerator random) {
        double draw = random.nextDouble();
        return switch (status) {
            case PENDING_PAYMENT -> draw < 0.75 ? OrderStatus.PAID : OrderStatus.CANCELLED;
            case PAID -> OrderStatus.PENDING_SHIPMENT;
            case PENDING_SHIPMENT -> draw < 0.5 ? OrderStatus.SHIPPED : draw < 0.9 ? OrderStatus.COMPLETED : OrderStatus.CANCELLED;
            default -> OrderStatus.COMPLETED;
        };
    }

    /** The customer sends one item back: a new line with the negative quantity and amount. */
    private Draft refundLine(SimulatedOrder order, LocalDateTime time, RandomGenerator random) {
        SimulatedOrder.Line sold = order.lines.get(random.nextInt(order.lines.size()));
        SimulatedOrder.Line refund = new SimulatedOrder.Line(order.lines.size() + 1, sold.product(), -sold.quantity());
        order.status = OrderStatus.REFUNDED;
        return lineDraft(order, refund, time, random).put("remark", "退货退款");
    }

    /** @param updatedAt null on the first version of the order */
    private static Draft lineDraft(SimulatedOrder order, SimulatedOrder.Line line, LocalDateTime updatedAt,
                                   RandomGenerator random) {
        BigDecimal unitPrice = line.product().unitPrice();
        return Draft.of(Topics.RAW_ORDERS, order.orderId)
                .put("order_id", order.orderId)
                .put("user_id", order.userId)
                .put("created_at", Timestamps.write(order.createdAt, random))
                .put("paid_at", order.isPaid() ? Timestamps.write(order.paidAt, random) : "")
                .put("product_id", line.product().productId())
                .put("quantity", line.quantity())
                .put("amount", unitPrice.multiply(BigDecimal.valueOf(line.quantity())).setScale(2, RoundingMode.HALF_UP))
                .put("shipping_address", order.shippingAddress)
                .put("order_type", SourceWords.write(order.orderType, random))
                .put("channel", SourceWords.write(order.channel, random))
                .put("status", SourceWords.write(order.status, random))
                .put("cancelled", order.status == OrderStatus.CANCELLED)
                .put("remark", order.remark)
                .put("unit_price", unitPrice)
                .put("province", order.region.province())
                .put("city", order.region.city())
                .put("country", order.region.country())
                .put("category", line.product().category())
                .put("updated_at", updatedAt == null ? "" : Timestamps.write(updatedAt, random))
                .put("line_no", line.lineNo());
    }
}
