package io.keliu.contracts.v1;

import java.time.Instant;

/** A system log line (seed 001). Logs never change once written. */
public record SystemLog(
        String logId,
        LogType logType,
        LogLevel level,
        String message,
        Instant loggedAt,
        LogSource source) {
}
