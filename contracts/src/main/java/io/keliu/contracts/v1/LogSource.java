package io.keliu.contracts.v1;

/** Where a system log line came from (seed 001: API接口, 服务器, 客户端). */
public enum LogSource {
    API, SERVER, CLIENT, OTHER;

    public static final Vocabulary<LogSource> WORDS = Vocabulary.of(LogSource.class)
            .word(API, "API接口", "接口", "gateway", "api server")
            .word(SERVER, "服务器", "服务端", "后端", "backend", "host")
            .word(CLIENT, "客户端", "前端", "浏览器", "app", "browser", "frontend", "mobile")
            .word(OTHER, "其他", "其它");
}
