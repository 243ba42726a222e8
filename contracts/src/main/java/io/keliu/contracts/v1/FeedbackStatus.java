package io.keliu.contracts.v1;

/** How far a customer service case has got. The declaration order is the order of progress. */
public enum FeedbackStatus {
    OPEN, IN_PROGRESS, RESOLVED;

    public static final Vocabulary<FeedbackStatus> WORDS = Vocabulary.of(FeedbackStatus.class)
            .word(OPEN, "待处理", "未处理", "新建", "new")
            .word(IN_PROGRESS, "处理中", "跟进中", "processing", "pending")
            .word(RESOLVED, "已解决", "已处理", "已完成", "已关闭", "closed", "done", "solved");
}
