package io.keliu.projection;

import io.keliu.contracts.v1.ChangeEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads change events as ingest renders them (docs/contracts.md): Jackson's default JSON of {@link ChangeEvent},
 * ignoring fields added to v1 records later. Anything else is an {@link UnusableEvent} naming what is wrong.
 */
public final class ChangeEventDecoder {
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("utc-instants").addDeserializer(Instant.class, new UtcInstantDeserializer()))
            .addModule(new RecordCreators())
            .build();
    private final Map<ChangeTopic<?>, JavaType> eventTypes = new ConcurrentHashMap<>();

    public <T> ChangeEvent<T> decode(ChangeTopic<T> topic, byte[] value) {
        if (value == null || value.length == 0) {
            throw new UnusableEvent("empty message on " + topic.name() + ": a change event is a JSON object");
        }
        ChangeEvent<T> event;
        try {
            event = json.readValue(value, eventType(topic));
        } catch (JacksonException e) {
            throw new UnusableEvent(unreadableReason(topic, value, e), e);
        }
        return checked(topic, event);
    }

    private JavaType eventType(ChangeTopic<?> topic) {
        return eventTypes.computeIfAbsent(topic,
                t -> json.getTypeFactory().constructParametricType(ChangeEvent.class, t.recordType()));
    }

    /** Says "unknown schema version" when that is why the event does not read, else where it broke. */
    private String unreadableReason(ChangeTopic<?> topic, byte[] value, JacksonException e) {
        Integer version = schemaVersion(value);
        if (version != null && version != ChangeEvent.SCHEMA_VERSION) {
            return unknownVersion(version);
        }
        return "not a change event of " + topic.name() + " (" + e.getOriginalMessage() + ")";
    }

    private Integer schemaVersion(byte[] value) {
        try {
            JsonNode version = json.readTree(value).get("schemaVersion");
            return version != null && version.isInt() ? version.intValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String unknownVersion(int version) {
        return "unknown schema version " + version + " (this service reads version " + ChangeEvent.SCHEMA_VERSION
                + "; a new version comes on a new topic)";
    }

    private static <T> ChangeEvent<T> checked(ChangeTopic<T> topic, ChangeEvent<T> event) {
        if (event.schemaVersion() != ChangeEvent.SCHEMA_VERSION) {
            throw new UnusableEvent(unknownVersion(event.schemaVersion()));
        }
        if (event.eventId() == null) {
            throw new UnusableEvent("change event without eventId on " + topic.name());
        }
        try {
            UUID.fromString(event.eventId());
        } catch (IllegalArgumentException e) {
            throw new UnusableEvent("eventId \"" + event.eventId() + "\" is not a UUID", e);
        }
        if (event.before() == null && event.after() == null) {
            throw new UnusableEvent("change event " + event.eventId() + " has neither before nor after");
        }
        return event;
    }
}
