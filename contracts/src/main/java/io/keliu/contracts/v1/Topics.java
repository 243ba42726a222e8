package io.keliu.contracts.v1;

/**
 * Every Kafka topic of the platform. Raw topics take the import format (one JSON object per record, snake_case
 * field names as in the CSV header); change topics carry {@link ChangeEvent}s; see docs/contracts.md.
 */
public final class Topics {
    public static final String RAW_ORDERS = "keliu.raw.orders";
    public static final String RAW_PROFILES = "keliu.raw.profiles";
    public static final String RAW_LOGS = "keliu.raw.logs";
    public static final String RAW_FEEDBACK = "keliu.raw.feedback";

    public static final String ORDERS = "keliu.orders.v1";
    public static final String PROFILES = "keliu.profiles.v1";
    public static final String LOGS = "keliu.logs.v1";
    /** {@code ChangeEvent<Feedback>}, keyed by customer (the feedback id when the customer is not known). */
    public static final String FEEDBACK = "keliu.feedback.v1";

    public static final String INGEST_DEAD_LETTER = "keliu.ingest.dead-letter";

    /** {@link Alert}s from the analytics services, keyed by dedupe key; delivered by notify-service. */
    public static final String ALERTS = "keliu.alerts.v1";

    private Topics() {
    }
}
