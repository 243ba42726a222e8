package io.keliu.contracts.v1;

/** What a customer service interaction is (seed 003: 咨询, 反馈, 投诉). */
public enum FeedbackKind {
    INQUIRY, FEEDBACK, COMPLAINT, PRAISE;

    public static final Vocabulary<FeedbackKind> WORDS = Vocabulary.of(FeedbackKind.class)
            .word(INQUIRY, "咨询", "询问", "问询", "enquiry", "question")
            .word(FEEDBACK, "反馈", "建议", "意见", "suggestion")
            .word(COMPLAINT, "投诉", "complain")
            .word(PRAISE, "表扬", "好评", "称赞", "compliment");
}
