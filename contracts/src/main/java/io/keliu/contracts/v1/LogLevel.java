package io.keliu.contracts.v1;

public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    public static final Vocabulary<LogLevel> WORDS = Vocabulary.of(LogLevel.class)
            .word(TRACE, "跟踪")
            .word(DEBUG, "调试")
            .word(INFO, "信息", "information", "notice")
            .word(WARN, "警告", "warning")
            .word(ERROR, "错误", "err", "severe")
            .word(FATAL, "致命", "严重", "critical", "crit", "emergency");
}
