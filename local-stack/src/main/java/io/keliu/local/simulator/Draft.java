package io.keliu.local.simulator;

import java.util.LinkedHashMap;

/** A raw record before it is written as JSON, so that {@link Malformer} can still damage a field. */
record Draft(String topic, String key, LinkedHashMap<String, Object> fields) {

    static Draft of(String topic, String key) {
        return new Draft(topic, key, new LinkedHashMap<>());
    }

    Draft put(String field, Object value) {
        fields.put(field, value);
        return this;
    }
}
