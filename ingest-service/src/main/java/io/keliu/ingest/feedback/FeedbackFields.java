package io.keliu.ingest.feedback;

import io.keliu.ingest.records.FieldSet;

/** The feedback import format of docs/contracts.md, with the Chinese field names service desks export as aliases. */
final class FeedbackFields {
    static final FieldSet FIELDS = FieldSet.of("feedback_id", "user_id", "order_id", "kind", "channel", "rating",
                    "text", "created_at", "status", "resolved_at", "updated_at")
            .alias("feedback_id", "反馈ID", "工单ID", "工单号", "feedbackId", "ticket_id", "case_id")
            .alias("user_id", "用户ID", "客户ID", "会员ID", "userId", "customer_id")
            .alias("order_id", "订单ID", "订单号", "orderId")
            .alias("kind", "类型", "反馈类型", "type")
            .alias("channel", "渠道", "来源渠道", "来源")
            .alias("rating", "评分", "满意度", "score")
            .alias("text", "内容", "反馈内容", "描述", "content", "message")
            .alias("created_at", "创建时间", "提交时间", "反馈时间", "createdAt")
            .alias("status", "状态", "处理状态")
            .alias("resolved_at", "解决时间", "处理完成时间", "resolvedAt")
            .alias("updated_at", "更新时间", "updatedAt")
            .required("feedback_id", "kind", "text", "created_at");

    static final int FEEDBACK_ID = 0;
    static final int USER_ID = 1;
    static final int ORDER_ID = 2;
    static final int KIND = 3;
    static final int CHANNEL = 4;
    static final int RATING = 5;
    static final int TEXT = 6;
    static final int CREATED_AT = 7;
    static final int STATUS = 8;
    static final int RESOLVED_AT = 9;
    static final int UPDATED_AT = 10;

    private FeedbackFields() {
    }
}
