package io.keliu.ingest.logs;

import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.ingest.records.FieldReader;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.records.Normalizer;
import io.keliu.ingest.records.RawRecord;
import io.keliu.contracts.v1.Timestamps;

import java.time.Clock;
import java.time.Instant;

import static io.keliu.ingest.logs.LogFields.*;

/** Validates a system log line; see docs/contracts.md. */
final class LogNormalizer implements Normalizer<SystemLog> {
    private static final int MAX_MESSAGE = 10_000;

    private final Timestamps timestamps;
    private final Clock clock;

    LogNormalizer(Timestamps timestamps, Clock clock) {
        this.timestamps = timestamps;
        this.clock = clock;
    }

    @Override
    public Normalized<SystemLog> normalize(RawRecord raw) {
        FieldReader in = new FieldReader(FIELDS, raw, timestamps, clock.instant());
        String logId = in.requiredText(LOG_ID, 128);
        LogType type = in.optionalWord(LOG_TYPE, LogType.WORDS);
        LogLevel level = in.requiredWord(LEVEL, LogLevel.WORDS);
        String message = in.optionalText(MESSAGE, MAX_MESSAGE);
        Instant loggedAt = in.requiredInstant(LOGGED_AT);
        LogSource source = in.optionalWord(SOURCE, LogSource.WORDS);
        if (in.hasErrors()) {
            return Normalized.rejected(in.errors(), raw);
        }
        return Normalized.accepted(new SystemLog(logId, type, level, message, loggedAt, source), raw);
    }
}
