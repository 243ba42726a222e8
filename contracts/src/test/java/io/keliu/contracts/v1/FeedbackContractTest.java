package io.keliu.contracts.v1;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON shape of keliu.feedback.v1 (docs/contracts.md), as Jackson 3 writes and reads it. */
class FeedbackContractTest {
    private final JsonMapper json = JsonMapper.builder().build();

    private static Feedback complaint(FeedbackStatus status, Instant resolvedAt) {
        return new Feedback("F-1", "U-1", null, FeedbackKind.COMPLAINT, FeedbackChannel.PHONE, 1,
                "快递五天了还没到 \"急\"\n第二行", Instant.parse("2026-12-01T02:00:00Z"), status, resolvedAt,
                resolvedAt);
    }

    @Test
    void feedbackChangeHasTheDocumentedShapeAndRoundTrips() {
        ChangeEvent<Feedback> event = new ChangeEvent<>("id-1", ChangeEvent.SCHEMA_VERSION, "F-1",
                Instant.parse("2026-12-01T03:00:00Z"), complaint(FeedbackStatus.OPEN, null),
                complaint(FeedbackStatus.RESOLVED, Instant.parse("2026-12-01T02:30:00Z")));
        String text = json.writeValueAsString(event);
        JsonNode after = json.readTree(text).get("after");
        assertThat(after.get("feedbackId").asString()).isEqualTo("F-1");
        assertThat(after.get("kind").asString()).isEqualTo("COMPLAINT");
        assertThat(after.get("channel").asString()).isEqualTo("PHONE");
        assertThat(after.get("rating").asInt()).isEqualTo(1);
        assertThat(after.get("orderId").isNull()).isTrue();
        assertThat(after.get("resolvedAt").asString()).isEqualTo("2026-12-01T02:30:00Z");
        assertThat(json.readTree(text).get("before").get("status").asString()).isEqualTo("OPEN");

        ChangeEvent<Feedback> read = json.readValue(text, new TypeReference<>() { });
        assertThat(read).isEqualTo(event);
    }

    @Test
    void feedbackWordsIncludeTheSeedsChineseAndEveryOrderChannelWord() {
        assertThat(FeedbackKind.WORDS.lookup("投诉")).contains(FeedbackKind.COMPLAINT);
        assertThat(FeedbackKind.WORDS.lookup("咨询")).contains(FeedbackKind.INQUIRY);
        assertThat(FeedbackKind.WORDS.lookup("反馈")).contains(FeedbackKind.FEEDBACK);
        assertThat(FeedbackKind.WORDS.lookup("表扬")).contains(FeedbackKind.PRAISE);
        assertThat(FeedbackStatus.WORDS.lookup("in-progress")).contains(FeedbackStatus.IN_PROGRESS);
        assertThat(FeedbackChannel.WORDS.lookup("小程序")).contains(FeedbackChannel.WECHAT);
        assertThat(FeedbackChannel.WORDS.lookup("门店")).contains(FeedbackChannel.STORE);
        assertThat(FeedbackChannel.WORDS.lookup("客服电话")).contains(FeedbackChannel.PHONE);
        assertThat(FeedbackChannel.WORDS.lookup("E-Mail")).contains(FeedbackChannel.EMAIL);
        for (Channel channel : Channel.values()) {
            assertThat(FeedbackChannel.WORDS.lookup(channel.name())).get().extracting(Enum::name)
                    .isEqualTo(channel.name());
        }
        assertThat(FeedbackKind.WORDS.lookup("spam")).isEmpty();
    }
}
