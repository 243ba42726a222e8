package io.keliu.ingest.orders;

import io.keliu.ingest.records.FieldSet;

/** The order-line import format of docs/contracts.md, with the Chinese field names of seed 001 as header aliases. */
final class OrderFields {
    static final FieldSet FIELDS = FieldSet.of("order_id", "user_id", "created_at", "paid_at", "product_id",
                    "quantity", "amount", "shipping_address", "order_type", "channel", "status", "cancelled", "remark",
                    "unit_price", "province", "city", "country", "category", "updated_at", "line_no")
            .alias("order_id", "订单ID", "订单号", "订单编号", "orderId")
            .alias("user_id", "用户ID", "客户ID", "会员ID", "userId", "customer_id")
            .alias("created_at", "创建日期", "创建时间", "下单时间", "order_date", "createdAt")
            .alias("paid_at", "支付日期", "支付时间", "付款时间", "paidAt")
            .alias("product_id", "商品ID", "商品编号", "sku", "productId")
            .alias("quantity", "商品数量", "数量", "qty")
            .alias("amount", "订单金额", "金额", "line_total")
            .alias("shipping_address", "收货地址", "地址", "address")
            .alias("order_type", "下单类型", "订单类型", "orderType")
            .alias("channel", "下单渠道", "渠道")
            .alias("status", "订单状态", "状态")
            .alias("cancelled", "是否取消", "canceled", "is_cancelled")
            .alias("remark", "备注", "note", "notes")
            .alias("unit_price", "单价", "price", "unitPrice")
            .alias("province", "省份", "省")
            .alias("city", "城市", "市")
            .alias("country", "国家")
            .alias("category", "商品类目", "类目", "品类")
            .alias("updated_at", "更新时间", "updatedAt")
            .alias("line_no", "行号", "line_number", "lineNo")
            .required("order_id", "created_at", "product_id", "quantity", "amount");

    static final int ORDER_ID = 0;
    static final int USER_ID = 1;
    static final int CREATED_AT = 2;
    static final int PAID_AT = 3;
    static final int PRODUCT_ID = 4;
    static final int QUANTITY = 5;
    static final int AMOUNT = 6;
    static final int SHIPPING_ADDRESS = 7;
    static final int ORDER_TYPE = 8;
    static final int CHANNEL = 9;
    static final int STATUS = 10;
    static final int CANCELLED = 11;
    static final int REMARK = 12;
    static final int UNIT_PRICE = 13;
    static final int PROVINCE = 14;
    static final int CITY = 15;
    static final int COUNTRY = 16;
    static final int CATEGORY = 17;
    static final int UPDATED_AT = 18;
    static final int LINE_NO = 19;

    private OrderFields() {
    }
}
