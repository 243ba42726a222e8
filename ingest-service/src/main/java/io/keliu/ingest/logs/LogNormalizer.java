package io.keliu.ingest.logs;

import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.ingest.records.FieldReader;
import io.keliu.ingest.records.RecordNormalizer;
import io.keliu.contracts.v1.Timestamps;

import java.time.Clock;
import java.time.Instant;

import static io.keliu.ingest.logs.LogFields.*;

/** Validates a system log line; see docs/contracts.md. */
final class LogNormalizer extends RecordNormalizer<SystemLog> {
    private static final int MAX_MESSAGE = 10_000;

    LogNormalizer(Timestamps timestamps, Clock clock) {
        super(FIELDS, timestamps, clock);
    }

    @Override
    protected SystemLog read(FieldReader in) {
        String logId = in.requiredId(LOG_ID, 128);
        LogType type = in.optionalWord(LOG_TYPE, LogType.WORDS);
        LogLevel level = in.requiredWord(LEVEL, LogLevel.WORDS);
        String message = in.optionalText(MESSAGE, MAX_MESSAGE);
        Instant loggedAt = in.requiredInstant(LOGGED_AT);
        LogSource source = in.optionalWord(SOURCE, LogSource.WORDS);
        return new SystemLog(logId, type, level, message, loggedAt, source);
    }
}
