package io.keliu.ingest.records;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Reads one JSON object (a Kafka message or an NDJSON line) into a raw record, streaming: field names map to the
 * kind's fields, unknown fields are ignored, numbers and booleans are kept as their text.
 */
public final class JsonRecordDecoder {
    /** Buffers recycled per thread: the shared default pool's deque showed up as a hot spot of the poller. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    private JsonRecordDecoder() {
    }

    /** @return the raw record, or throws {@link UnreadableRecord} saying why the bytes are not one */
    public static RawRecord decode(FieldSet fields, byte[] bytes, int offset, int length, String origin,
                                   long line) {
        Supplier<String> payload = () -> new String(bytes, offset, length, StandardCharsets.UTF_8);
        String[] values = new String[fields.size()];
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableRecord("is not a JSON object; each record must be one {...} object", payload);
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                Integer field = fields.lookup(name).orElse(null);
                if (value.isStructStart()) {
                    if (field != null) {
                        throw new UnreadableRecord("field '" + name + "' holds a JSON " + (value == JsonToken.START_ARRAY
                                ? "array" : "object") + "; it must be a plain value", payload);
                    }
                    parser.skipChildren();
                } else if (field != null && value != JsonToken.VALUE_NULL) {
                    values[field] = parser.getString();
                }
            }
            if (parser.nextToken() != null) {
                throw new UnreadableRecord("has more after the end of the JSON object", payload);
            }
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (at character " + e.getLocation().getCharOffset() + ")";
            throw new UnreadableRecord("is not valid JSON: " + e.getOriginalMessage() + where, payload);
        }
        return new RawRecord(values, origin, line, payload);
    }
}
