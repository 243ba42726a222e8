package io.keliu.ingest.pipeline;

/** The database or the broker could not take a batch; nothing of it was committed, so it can be retried whole. */
public class IngestFailure extends RuntimeException {
    public IngestFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
