package io.keliu.profile;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.FeedbackChannel;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.Topics;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** A customer's service cases in the 360° view and the feedback list, from keliu.feedback.v1. */
@KeliuIntegrationTest
@TestPropertySource(properties = "keliu.refit.first-refit-every=PT100H")
class FeedbackInteractionsTest {
    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void theViewCountsEachCaseOnceAtItsNewestVersion() {
        Api api = new Api(port);
        try (ChangeEvents events = new ChangeEvents(broker)) {
            events.send(Topics.PROFILES, "U9501", "U9501", null, new UserProfile("U9501",
                    Instant.parse("2023-01-01T00:00:00Z"), null, null, 30, Gender.FEMALE, null, null, "广州市", "广东省",
                    null, null));
            Feedback late = complaint("FI-1", 1, FeedbackStatus.OPEN, null, "2026-11-20T02:00:00Z");
            Feedback resolved = complaint("FI-1", 1, FeedbackStatus.RESOLVED, "2026-11-21T02:00:00Z",
                    "2026-11-20T02:00:00Z");
            send(events, null, late);
            ChangeEvent<Feedback> update = send(events, late, resolved);
            send(events, null, new Feedback("FI-2", "U9501", "O-2", FeedbackKind.PRAISE, FeedbackChannel.APP, 5,
                    "物流很快，五星好评！", Instant.parse("2026-11-22T02:00:00Z"), FeedbackStatus.RESOLVED,
                    Instant.parse("2026-11-22T02:00:00Z"), null));
            send(events, null, new Feedback("FI-3", "U9501", null, FeedbackKind.INQUIRY, FeedbackChannel.WECHAT, null,
                    "Can I get an invoice?", Instant.parse("2026-11-23T02:00:00Z"), FeedbackStatus.OPEN, null, null));
            send(events, null, complaint("FI-4", 2, FeedbackStatus.IN_PROGRESS, null, "2026-11-24T02:00:00Z"));
            send(events, null, new Feedback("FI-5", null, null, FeedbackKind.COMPLAINT, FeedbackChannel.PHONE, 1,
                    "没人接电话", Instant.parse("2026-11-24T03:00:00Z"), FeedbackStatus.OPEN, null, null));
            events.resend(Topics.FEEDBACK, "U9501", update);
            events.flush();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode interactions = api.get("/api/v1/customers/U9501").json().get("interactions");
                assertThat(interactions.get("total").asInt()).isEqualTo(4);
                assertThat(interactions.at("/byKind/COMPLAINT").asInt()).isEqualTo(2);
                assertThat(interactions.get("openComplaints").asInt()).isEqualTo(1);
            });
        }
        JsonNode interactions = api.get("/api/v1/customers/U9501").json().get("interactions");
        assertThat(interactions.at("/byKind/PRAISE").asInt()).isEqualTo(1);
        assertThat(interactions.at("/byKind/INQUIRY").asInt()).isEqualTo(1);
        assertThat(interactions.get("complaints").asInt()).isEqualTo(2);
        assertThat(interactions.get("ratings").asInt()).isEqualTo(3);
        assertThat(interactions.get("meanRating").asDouble()).isCloseTo((1 + 5 + 2) / 3.0, within(1e-9));
        assertThat(interactions.at("/recent/0/feedbackId").asString()).isEqualTo("FI-4");
        assertThat(interactions.at("/recent/3/status").asString()).isEqualTo("RESOLVED");

        JsonNode complaints = api.get("/api/v1/feedback?kind=complaint&from=2026-11-20&to=2026-11-24").json();
        assertThat(complaints.get("total").asLong()).isEqualTo(3);
        assertThat(complaints.at("/items/0/feedbackId").asString()).isEqualTo("FI-5");
        assertThat(api.get("/api/v1/feedback?status=in_progress&to=2026-11-24").json().get("total").asLong())
                .isEqualTo(1);
        Api.Response bad = api.get("/api/v1/feedback?kind=spam");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("kind", "spam");
    }

    private static Feedback complaint(String id, int rating, FeedbackStatus status, String resolvedAt,
                                      String createdAt) {
        return new Feedback(id, "U9501", "O-1", FeedbackKind.COMPLAINT, FeedbackChannel.PHONE, rating,
                "下单五天了还没收到货", Instant.parse(createdAt), status,
                resolvedAt == null ? null : Instant.parse(resolvedAt), resolvedAt == null ? null
                : Instant.parse(resolvedAt));
    }

    private static ChangeEvent<Feedback> send(ChangeEvents events, Feedback before, Feedback after) {
        return events.send(Topics.FEEDBACK, after.userId() != null ? after.userId() : after.feedbackId(),
                after.feedbackId(), before, after);
    }
}
