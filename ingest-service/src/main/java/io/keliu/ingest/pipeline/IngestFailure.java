package io.keliu.ingest.pipeline;

import java.sql.SQLException;

/** The database or the broker could not take a batch; nothing of it was committed, so it can be retried whole. */
public class IngestFailure extends RuntimeException {
    public IngestFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The database's reason when it refused the data itself (SQLSTATE class 22, data exception, or 23, integrity
     * constraint violation): retrying the same rows would fail the same way. Null for any other failure.
     */
    String dataRefusal() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return sql.getMessage();
            }
        }
        return null;
    }
}
