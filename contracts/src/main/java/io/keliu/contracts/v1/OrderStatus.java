package io.keliu.contracts.v1;

/**
 * The life of an order line (seed 001: 待付款, 待发货, 已完成 …). The declaration order is the order of progress and
 * breaks ties between two versions of a line that carry the same timestamp.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, PENDING_SHIPMENT, SHIPPED, COMPLETED, CANCELLED, REFUNDED;

    public static final Vocabulary<OrderStatus> WORDS = Vocabulary.of(OrderStatus.class)
            .word(PENDING_PAYMENT, "待付款", "待支付", "未付款", "unpaid", "pending", "created", "new")
            .word(PAID, "已付款", "已支付", "payed")
            .word(PENDING_SHIPMENT, "待发货", "备货中", "to ship", "awaiting shipment")
            .word(SHIPPED, "已发货", "待收货", "配送中", "delivering", "in transit")
            .word(COMPLETED, "已完成", "完成", "交易成功", "已收货", "complete", "done", "delivered", "finished")
            .word(CANCELLED, "已取消", "取消", "canceled", "void")
            .word(REFUNDED, "已退款", "退款", "退货", "已退货", "refund", "returned");

    /** A line in this state may carry a negative quantity or amount: it takes back what an earlier line added. */
    public boolean reverses() {
        return this == CANCELLED || this == REFUNDED;
    }
}
