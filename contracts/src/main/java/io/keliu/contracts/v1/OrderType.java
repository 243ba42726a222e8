package io.keliu.contracts.v1;

/** How an order was placed (seed 001: 电话, 网络, 自提). */
public enum OrderType {
    PHONE, WEB, PICKUP, OTHER;

    public static final Vocabulary<OrderType> WORDS = Vocabulary.of(OrderType.class)
            .word(PHONE, "电话", "电话下单", "telephone", "tel", "call")
            .word(WEB, "网络", "网络下单", "网上", "online", "internet")
            .word(PICKUP, "自提", "到店自提", "门店自提", "self pickup", "pick up", "collect")
            .word(OTHER, "其他", "其它");
}
