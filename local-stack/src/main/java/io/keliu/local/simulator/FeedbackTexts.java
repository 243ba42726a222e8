package io.keliu.local.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What customers write to the service desk, in Chinese and English: the recurring problems of a web shop, questions,
 * suggestions and praise. Templates with a few slots ({days}, {order}), so that texts about one problem share their
 * words without all being the same.
 */
final class FeedbackTexts {
    /** A problem customers complain about again and again. */
    enum Problem {
        LATE_DELIVERY(List.of(
                "下单{days}天了还没收到货，物流信息一直没有更新。",
                "快递太慢了，说好的三天到，现在已经{days}天了还没收到。",
                "物流停在中转站{days}天不动了，什么时候能送到？",
                "订单{order}显示已发货，但是{days}天了还没有派送。",
                "催了好几次，物流还是没动静，到货太慢了。"), List.of(
                "My order was supposed to arrive {days} days ago and it still hasn't shown up.",
                "Delivery is very late: the tracking has not updated for {days} days.",
                "Order {order} was shipped but the parcel has been stuck in transit for {days} days.",
                "Still waiting for my delivery after {days} days, please check with the courier.")),
        WRONG_SIZE(List.of(
                "衣服尺码偏小，平时穿M，这次买的M根本穿不上。",
                "鞋子尺码不对，按尺码表买的还是大了一码。",
                "收到的尺码和下单的不一样，我买的是L发来的是S。",
                "裤子尺码偏大，想换小一号，怎么换货？"), List.of(
                "The size runs small: I ordered my usual M and it does not fit.",
                "Wrong size delivered: I ordered an L and received an S.",
                "The shoes are one size too big even though I followed the size chart.")),
        REFUND_SLOW(List.of(
                "退货已经寄回{days}天了，退款还没到账。",
                "申请退款{days}天了一直显示处理中，什么时候能退？",
                "商家已经收到退货，退款却迟迟不到账。"), List.of(
                "I returned the item {days} days ago and still have not received my refund.",
                "My refund has been pending for {days} days, when will I get my money back?",
                "The return for order {order} was received but the refund is still not processed.")),
        DAMAGED(List.of(
                "包装破损，收到的商品已经摔坏了。",
                "快递盒子压扁了，里面的商品有明显损坏。",
                "收到的商品有划痕，外包装也破了。"), List.of(
                "The package arrived crushed and the item inside was broken.",
                "The box was damaged in transit and the product is scratched.")),
        POOR_QUALITY(List.of(
                "质量太差了，用了{days}天就坏了。",
                "商品质量和描述不符，做工很粗糙。",
                "洗了一次就掉色起球，质量不行。"), List.of(
                "Poor quality, it stopped working after {days} days.",
                "The quality is much worse than the pictures suggest.")),
        SLOW_SERVICE(List.of(
                "客服态度很差，问了三次都没人回复。",
                "打客服电话等了半个小时都没人接。",
                "在线客服一直是机器人回复，解决不了问题。"), List.of(
                "Customer service never replied to my messages.",
                "I waited 30 minutes on the phone and nobody answered."));

        private final List<String> chinese;
        private final List<String> english;

        Problem(List<String> chinese, List<String> english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    static final List<String> INQUIRIES_ZH = List.of("请问什么时候发货？", "可以开增值税专用发票吗？",
            "怎么修改收货地址？", "支持货到付款吗？", "会员积分怎么兑换？", "订单{order}可以合并发货吗？");
    static final List<String> INQUIRIES_EN = List.of("Do you ship to Hong Kong?",
            "How can I change my delivery address?", "Can I get an invoice for order {order}?",
            "When will this item be back in stock?");
    static final List<String> SUGGESTIONS_ZH = List.of("建议在小程序里也能查看物流轨迹。", "希望App能增加夜间模式。",
            "建议增加更多支付方式，比如花呗分期。", "商品详情页的尺码表不够清楚，建议补充测量方法。");
    static final List<String> SUGGESTIONS_EN = List.of("It would be nice to track orders in the WeChat mini program.",
            "Please add more payment options.", "The size chart should include measurements in centimetres.");
    static final List<String> PRAISE_ZH = List.of("物流很快，包装也很好，五星好评！", "客服很耐心，问题很快就解决了，谢谢！",
            "质量很好，和图片一样，下次还会再买。");
    static final List<String> PRAISE_EN = List.of("Fast delivery and great packaging, thank you!",
            "Customer service was very helpful and solved my problem quickly.", "Great quality, will buy again.");

    private FeedbackTexts() {
    }

    static String complaint(Problem problem, boolean english, String orderId, RandomGenerator random) {
        return write(english ? problem.english : problem.chinese, orderId, random);
    }

    /** One of the templates with its slots filled; {order} needs an order, so without one a template without it. */
    static String write(List<String> templates, String orderId, RandomGenerator random) {
        String template = templates.get(random.nextInt(templates.size()));
        while (orderId == null && template.contains("{order}")) {
            template = templates.get(random.nextInt(templates.size()));
        }
        return template.replace("{days}", String.valueOf(3 + random.nextInt(12)))
                .replace("{order}", orderId == null ? "" : orderId);
    }
}
