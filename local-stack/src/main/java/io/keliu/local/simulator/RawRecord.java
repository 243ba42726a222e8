package io.keliu.local.simulator;

/** One message for a raw topic: its key (order id, user id, log id or feedback id) and the JSON text of the record. */
public record RawRecord(String topic, String key, String json) {
}
