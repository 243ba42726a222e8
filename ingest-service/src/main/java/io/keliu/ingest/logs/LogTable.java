package io.keliu.ingest.logs;

import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.ingest.store.CopyRow;
import io.keliu.ingest.store.TableSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

import static io.keliu.ingest.store.Columns.instant;
import static io.keliu.ingest.store.Columns.word;

/** {@code ingest.system_logs}: a log line never changes, so the first version of a log id stays. */
final class LogTable implements TableSpec<SystemLog> {
    private static final List<String> COLUMNS = List.of("log_id", "log_type", "level", "message", "logged_at",
            "source");

    @Override
    public String table() {
        return "ingest.system_logs";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> keyColumns() {
        return List.of("log_id");
    }

    @Override
    public List<String> versionColumns() {
        return List.of();
    }

    /** All versions rank equal; in a batch the first one stays, as in the table. */
    @Override
    public Comparator<SystemLog> versionOrder() {
        return (left, right) -> 0;
    }

    @Override
    public void write(SystemLog log, CopyRow row) {
        row.text(log.logId()).word(log.logType()).word(log.level()).text(log.message()).instant(log.loggedAt())
                .word(log.source());
    }

    @Override
    public SystemLog read(ResultSet row, int first) throws SQLException {
        int c = first;
        return new SystemLog(row.getString(c++), word(row, c++, LogType.class), word(row, c++, LogLevel.class),
                row.getString(c++), instant(row, c++), word(row, c, LogSource.class));
    }

    @Override
    public String identity(SystemLog log) {
        return log.logId();
    }
}
