package io.keliu.contracts.v1;

/** Where a customer reached the service desk: the order {@link Channel}s, plus the phone line and email. */
public enum FeedbackChannel {
    PC, MOBILE, WECHAT, APP, STORE, PHONE, EMAIL, OTHER;

    public static final Vocabulary<FeedbackChannel> WORDS = Vocabulary.of(FeedbackChannel.class)
            .including(Channel.WORDS)
            .word(PHONE, "电话", "热线", "客服电话", "400电话", "telephone", "tel", "call", "hotline")
            .word(EMAIL, "邮件", "电子邮件", "邮箱", "e-mail", "mail");
}
