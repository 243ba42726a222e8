package io.keliu.contracts.v1;

/** Where an order was placed (seed 001: PC, 手机端, 微信端, App). */
public enum Channel {
    PC, MOBILE, WECHAT, APP, STORE, OTHER;

    public static final Vocabulary<Channel> WORDS = Vocabulary.of(Channel.class)
            .word(PC, "电脑", "电脑端", "网页", "desktop")
            .word(MOBILE, "手机", "手机端", "移动端", "H5", "mobile web", "wap")
            .word(WECHAT, "微信", "微信端", "微信小程序", "小程序", "weixin", "wx", "mini program")
            .word(APP, "应用", "客户端", "ios", "android")
            .word(STORE, "门店", "线下", "offline", "pos", "shop")
            .word(OTHER, "其他", "其它");
}
