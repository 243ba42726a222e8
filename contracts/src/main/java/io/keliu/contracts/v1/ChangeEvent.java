package io.keliu.contracts.v1;

import java.time.Instant;

/**
 * A change to a record of the system of record, published after ingest accepted it. {@code before} is null when the
 * record is new; consumers apply exact deltas by subtracting {@code before} and adding {@code after}.
 *
 * @param eventId       deterministic for a given change: a redelivered change carries the same id, so consumers
 *                      deduplicate by it
 * @param schemaVersion the version of the payload records; bumped only with a new topic ({@code .v2})
 * @param key           the record's identity: "orderId/lineKey", user id or log id. The Kafka message key is the
 *                      customer (user id; the order id for anonymous orders) on the order and profile topics, so one
 *                      consumer instance sees all of a customer's changes, and the log id on the log topic; events
 *                      are in order per record (per {@code key}), not across records (docs/contracts.md)
 */
public record ChangeEvent<T>(String eventId, int schemaVersion, String key, Instant occurredAt, T before, T after) {
    public static final int SCHEMA_VERSION = 1;
}
