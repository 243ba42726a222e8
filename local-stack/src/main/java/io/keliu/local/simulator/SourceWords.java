package io.keliu.local.simulator;

import static java.util.Map.entry;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.FeedbackChannel;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.MaritalStatus;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The words real sources write for an enumeration: mostly the English code, sometimes the Chinese word of the seed
 * documents, as exports from different shop systems mix them.
 */
final class SourceWords {
    private static final double CHINESE_SHARE = 0.35;
    private static final Map<Enum<?>, String> CHINESE = Map.ofEntries(
            entry(Channel.MOBILE, "手机端"), entry(Channel.WECHAT, "微信"),
            entry(OrderType.PHONE, "电话"), entry(OrderType.WEB, "网络"), entry(OrderType.PICKUP, "自提"),
            entry(OrderStatus.PENDING_PAYMENT, "待付款"), entry(OrderStatus.PAID, "已付款"),
            entry(OrderStatus.PENDING_SHIPMENT, "待发货"), entry(OrderStatus.SHIPPED, "已发货"),
            entry(OrderStatus.COMPLETED, "已完成"), entry(OrderStatus.CANCELLED, "已取消"),
            entry(OrderStatus.REFUNDED, "已退款"),
            entry(Gender.MALE, "男"), entry(Gender.FEMALE, "女"),
            entry(MaritalStatus.SINGLE, "未婚"), entry(MaritalStatus.MARRIED, "已婚"),
            entry(MaritalStatus.DIVORCED, "离异"), entry(MaritalStatus.WIDOWED, "丧偶"),
            entry(LogType.API_REQUEST, "API请求"), entry(LogType.SYSTEM_ERROR, "系统错误"),
            entry(LogType.USER_ACTION, "用户操作"),
            entry(FeedbackKind.INQUIRY, "咨询"), entry(FeedbackKind.FEEDBACK, "反馈"),
            entry(FeedbackKind.COMPLAINT, "投诉"), entry(FeedbackKind.PRAISE, "表扬"),
            entry(FeedbackChannel.MOBILE, "手机端"), entry(FeedbackChannel.WECHAT, "微信"),
            entry(FeedbackChannel.PHONE, "电话"), entry(FeedbackChannel.EMAIL, "邮件"),
            entry(FeedbackChannel.STORE, "门店"),
            entry(FeedbackStatus.OPEN, "待处理"), entry(FeedbackStatus.IN_PROGRESS, "处理中"),
            entry(FeedbackStatus.RESOLVED, "已解决"));

    private SourceWords() {
    }

    static String write(Enum<?> value, RandomGenerator random) {
        String chinese = CHINESE.get(value);
        return chinese != null && random.nextDouble() < CHINESE_SHARE ? chinese : value.name();
    }
}
