package io.keliu.contracts.v1;

/** What a system log line records (seed 001: API请求, 系统错误, 用户操作). */
public enum LogType {
    API_REQUEST, SYSTEM_ERROR, USER_ACTION, SECURITY, OTHER;

    public static final Vocabulary<LogType> WORDS = Vocabulary.of(LogType.class)
            .word(API_REQUEST, "API请求", "接口请求", "请求", "request", "api", "access")
            .word(SYSTEM_ERROR, "系统错误", "系统异常", "错误", "error", "exception")
            .word(USER_ACTION, "用户操作", "用户行为", "操作", "action", "event", "click")
            .word(SECURITY, "安全", "登录", "审计", "audit", "login", "auth")
            .word(OTHER, "其他", "其它");
}
