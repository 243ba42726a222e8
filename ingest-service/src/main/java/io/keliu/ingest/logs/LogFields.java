package io.keliu.ingest.logs;

import io.keliu.ingest.records.FieldSet;

/** The system-log import format of docs/contracts.md, with the Chinese field names of seed 001 as header aliases. */
final class LogFields {
    static final FieldSet FIELDS = FieldSet.of("log_id", "log_type", "level", "message", "logged_at", "source")
            .alias("log_id", "日志ID", "logId", "id")
            .alias("log_type", "日志类型", "type", "logType")
            .alias("level", "日志级别", "级别", "severity")
            .alias("message", "日志信息", "信息", "msg")
            .alias("logged_at", "日志时间", "时间", "timestamp", "time", "loggedAt")
            .alias("source", "日志源", "来源")
            .required("log_id", "level", "logged_at");

    static final int LOG_ID = 0;
    static final int LOG_TYPE = 1;
    static final int LEVEL = 2;
    static final int MESSAGE = 3;
    static final int LOGGED_AT = 4;
    static final int SOURCE = 5;

    private LogFields() {
    }
}
