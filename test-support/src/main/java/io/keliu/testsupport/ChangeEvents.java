package io.keliu.testsupport;

import io.keliu.contracts.v1.ChangeEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a published change event the way the contract defines it: strictly into {@link ChangeEvent} of the payload
 * record, and only if the published JSON is exactly what Jackson writes for that record. A field the records do not
 * have, one they have that the event lacks, or a value in another form (a number as a string, another timestamp
 * format) fails: ingest renders events partly by hand, and this is what keeps that rendering and the records one.
 */
public final class ChangeEvents {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ChangeEvents() {
    }

    /**
     * The event, read strictly.
     *
     * @throws AssertionError when the JSON differs from what the record would be written as
     */
    public static <T> ChangeEvent<T> read(byte[] json, Class<T> payload) {
        JavaType type = STRICT.getTypeFactory().constructParametricType(ChangeEvent.class, payload);
        ChangeEvent<T> event = STRICT.readValue(json, type);
        JsonNode published = STRICT.readTree(json);
        JsonNode written = STRICT.readTree(STRICT.writeValueAsBytes(event));
        if (!published.equals(written)) {
            throw new AssertionError("the published event is not ChangeEvent<" + payload.getSimpleName()
                    + "> as Jackson writes it\n published: " + published + "\n as record: " + written);
        }
        return event;
    }
}
