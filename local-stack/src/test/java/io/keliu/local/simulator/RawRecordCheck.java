package io.keliu.local.simulator;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.FeedbackChannel;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.MaritalStatus;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.contracts.v1.Topics;
import io.keliu.contracts.v1.Vocabulary;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a strict reader of the import format would reject: the test's independent view of a malformed record. */
final class RawRecordCheck {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawRecordCheck() {
    }

    static JsonNode parse(RawRecord record) {
        return JSON.readTree(record.json());
    }

    static boolean isValid(RawRecord record) {
        JsonNode fields;
        try {
            fields = parse(record);
        } catch (JacksonException e) {
            return false;
        }
        return switch (record.topic()) {
            case Topics.RAW_ORDERS -> isValidOrderLine(fields);
            case Topics.RAW_FEEDBACK -> knows(FeedbackKind.WORDS, fields, "kind")
                    && knows(FeedbackChannel.WORDS, fields, "channel") && knows(FeedbackStatus.WORDS, fields, "status")
                    && isTimestamp(fields, "created_at");
            case Topics.RAW_PROFILES -> knows(Gender.WORDS, fields, "gender")
                    && knows(MaritalStatus.WORDS, fields, "marital_status") && isTimestamp(fields, "registered_at");
            default -> knows(LogLevel.WORDS, fields, "level") && knows(LogType.WORDS, fields, "log_type")
                    && knows(LogSource.WORDS, fields, "source") && isTimestamp(fields, "logged_at");
        };
    }

    private static boolean isValidOrderLine(JsonNode line) {
        if (!line.hasNonNull("order_id") || line.get("order_id").asString().isBlank()
                || !knows(Channel.WORDS, line, "channel") || !knows(OrderType.WORDS, line, "order_type")
                || !knows(OrderStatus.WORDS, line, "status") || !isTimestamp(line, "created_at")) {
            return false;
        }
        OrderStatus status = OrderStatus.WORDS.lookup(line.get("status").asString()).orElseThrow();
        return line.get("quantity").asInt() > 0 || status.reverses();
    }

    private static boolean knows(Vocabulary<?> vocabulary, JsonNode fields, String field) {
        return fields.hasNonNull(field) && vocabulary.lookup(fields.get(field).asString()).isPresent();
    }

    static boolean isTimestamp(JsonNode fields, String field) {
        if (!fields.hasNonNull(field)) {
            return false;
        }
        String text = fields.get(field).asString();
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException withoutOffset) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException withOffset) {
                return false;
            }
        }
    }
}
