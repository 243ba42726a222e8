package io.keliu.ingest.feedback;

import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.FeedbackChannel;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.FieldError;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.records.RawRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackNormalizerTest {
    private final FeedbackNormalizer normalizer = new FeedbackNormalizer(RawRecords.SHANGHAI, RawRecords.NOW);

    private Normalized<Feedback> normalize(Map<String, String> fields) {
        return normalizer.normalize(RawRecords.of(FeedbackFields.FIELDS, fields));
    }

    private static Map<String, String> complaint() {
        Map<String, String> fields = new HashMap<>();
        fields.put("feedback_id", "F-1");
        fields.put("user_id", "U-1");
        fields.put("order_id", "O-1");
        fields.put("kind", "投诉");
        fields.put("channel", "客服电话");
        fields.put("rating", "2.0");
        fields.put("text", "  快递五天还没到。\n\tThe parcel is five days late.  ");
        fields.put("created_at", "2024-06-01 09:00");
        fields.put("status", "已解决");
        fields.put("resolved_at", "2024-06-02T10:00:00+08:00");
        return fields;
    }

    @Test
    void readsEveryField() {
        assertThat(normalize(complaint()).value()).isEqualTo(new Feedback("F-1", "U-1", "O-1",
                FeedbackKind.COMPLAINT, FeedbackChannel.PHONE, 2, "快递五天还没到。\n\tThe parcel is five days late.",
                Instant.parse("2024-06-01T01:00:00Z"), FeedbackStatus.RESOLVED, Instant.parse("2024-06-02T02:00:00Z"),
                null));
    }

    @ParameterizedTest
    @CsvSource({"'',OPEN", "2024-06-01 12:00,RESOLVED"})
    void withoutAStatusTheResolutionTimeDecidesIt(String resolvedAt, FeedbackStatus expected) {
        Map<String, String> fields = complaint();
        fields.remove("status");
        fields.put("resolved_at", resolvedAt);
        assertThat(normalize(fields).value().status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text|''|text|is required but empty",
            "text|'   '|text|is required but empty",
            "rating|6|rating|6 is out of range [1, 5]",
            "rating|0|rating|0 is out of range [1, 5]",
            "rating|4.5|rating|4.5' is not a whole number",
            "kind|吐槽|kind|吐槽' is not a known value; use one of INQUIRY, FEEDBACK, COMPLAINT, PRAISE",
            "kind|''|kind|is required but empty",
            "channel|fax|channel|fax' is not a known value",
            "resolved_at|2024-05-31 23:00|resolved_at|is before created_at",
            "status|处理中|status|is IN_PROGRESS but resolved_at is set",
            "user_id|U\t1|user_id|contains a control character (U+0009) at character 2",
            "feedback_id|''|feedback_id|is required but empty"})
    void rejectsWithFieldAndReason(String field, String value, String faultyField, String reason) {
        Map<String, String> fields = complaint();
        fields.put(field, value);
        assertThat(normalize(fields).errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(faultyField);
            assertThat(error.reason()).contains(reason);
            assertThat(error.line()).isEqualTo(2);
        });
    }

    @Test
    void resolvedWithoutATimeIsRejected() {
        Map<String, String> fields = complaint();
        fields.remove("resolved_at");
        assertThat(normalize(fields).errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("resolved_at");
            assertThat(error.reason()).isEqualTo("is empty but the status is RESOLVED; give the time the case was "
                    + "resolved");
        });
    }

    @Test
    void textHasALimitAndNoControlCharactersButLineBreaksAndTabs() {
        Map<String, String> fields = complaint();
        fields.put("text", "好".repeat(Feedback.MAX_TEXT));
        assertThat(normalize(fields).isAccepted()).isTrue();
        fields.put("text", "好".repeat(Feedback.MAX_TEXT + 1));
        assertThat(normalize(fields).errors()).singleElement().extracting(FieldError::reason)
                .isEqualTo("is 10001 characters long; at most 10000 are allowed");
        fields.put("text", "bell \u0007 here");
        assertThat(normalize(fields).errors()).singleElement().extracting(FieldError::reason).asString()
                .contains("U+0007", "at character 6", "only line breaks and tabs");
        fields.put("text", "nul \u0000 here");
        assertThat(normalize(fields).errors()).singleElement().extracting(FieldError::reason).asString()
                .contains("U+0000", "cannot be stored");
    }

    @Test
    void reportsEveryFaultOfARecordAtOnce() {
        Map<String, String> fields = complaint();
        fields.put("rating", "10");
        fields.put("kind", "spam");
        fields.put("text", "");
        assertThat(normalize(fields).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("rating", "kind", "text");
    }
}
