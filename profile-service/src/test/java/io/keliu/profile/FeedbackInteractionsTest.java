package io.keliu.profile;

import io.keliu.analytics.churn.ServiceCase;
import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.Feedback;
import io.keliu.contracts.v1.FeedbackChannel;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.Topics;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.profile.feedback.ComplaintSpikes;
import io.keliu.profile.feedback.ComplaintTopics;
import io.keliu.profile.refits.RefitStore;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** A customer's service cases in the 360° view and the feedback list, from keliu.feedback.v1. */
@KeliuIntegrationTest
@TestPropertySource(properties = {"keliu.refit.first-refit-every=PT100H", "keliu.feedback.analysis-interval=PT100H"})
class FeedbackInteractionsTest {
    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ComplaintTopics topics;
    @Autowired
    ComplaintSpikes spikes;
    @Autowired
    RefitStore refits;

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

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
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

        // the trend counts each case once, in the day (hour) of the platform's zone it was raised: FI-1 10:00, FI-4
        // 10:00 and FI-5 11:00 on the 24th
        JsonNode days = api.get("/api/v1/feedback/trend?from=2026-11-20&to=2026-11-24").json();
        assertThat(days.get("granularity").asString()).isEqualTo("day");
        assertThat(days.get("points")).hasSize(5);
        assertThat(days.at("/points/0/start").asString()).isEqualTo("2026-11-19T16:00:00Z");
        assertThat(days.at("/points/0/byKind/COMPLAINT").asLong()).isEqualTo(1);
        assertThat(days.at("/points/1/byKind/COMPLAINT").asLong()).isZero();
        assertThat(days.at("/points/2/byKind/PRAISE").asLong()).isEqualTo(1);
        assertThat(days.at("/points/3/byKind/INQUIRY").asLong()).isEqualTo(1);
        assertThat(days.at("/points/4/byKind/COMPLAINT").asLong()).isEqualTo(2);
        JsonNode hours = api.get("/api/v1/feedback/trend?from=2026-11-24&to=2026-11-24&granularity=hour").json();
        assertThat(hours.get("points")).hasSize(24);
        assertThat(hours.at("/points/10/byKind/COMPLAINT").asLong()).isEqualTo(1);
        assertThat(hours.at("/points/11/byKind/COMPLAINT").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/feedback/trend?from=2026-01-01&to=2026-11-24&granularity=hour").body())
                .contains("granularity hour", "at most 31 days");
        assertThat(api.get("/api/v1/feedback/trend?granularity=week").status()).isEqualTo(400);

        Api.Response bad = api.get("/api/v1/feedback?kind=spam");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("kind", "spam");

        // what a refit gives the churn model: the customer's cases at their newest version, on the zone's days
        assertThat(refits.serviceCases(ZoneId.of("Asia/Shanghai"))).filteredOn(c -> c.customerId().equals("U9501"))
                .containsExactlyInAnyOrder(
                        new ServiceCase("U9501", LocalDate.of(2026, 11, 20), true, 1, LocalDate.of(2026, 11, 21)),
                        new ServiceCase("U9501", LocalDate.of(2026, 11, 22), false, 5, LocalDate.of(2026, 11, 22)),
                        new ServiceCase("U9501", LocalDate.of(2026, 11, 23), false, null, null),
                        new ServiceCase("U9501", LocalDate.of(2026, 11, 24), true, 2, null));
    }

    /**
     * Twelve customers complain about late parcels on one day (one of them twice), one a day before: a topic with
     * growth 12×, similar complaints, a spike alert while the day is the last 24 h and its resolution after.
     */
    @Test
    void aDayOfSimilarComplaintsIsATopicWithSimilarOnesAndASpikeAlert() {
        Api api = new Api(port);
        try (ChangeEvents events = new ChangeEvents(broker)) {
            for (int day = 1; day <= 7; day++) {
                send(events, null, late("FS-usual-" + day, "U95" + day, "2026-11-0" + day + "T04:00:00Z",
                        "快递太慢了，下单五天还没收到货"));
            }
            for (int c = 0; c < 12; c++) {
                send(events, null, late("FS-" + c, "U96" + c, "2026-11-08T0" + (c % 9) + ":00:00Z",
                        c % 2 == 0 ? "快递太慢了，下单" + (c + 3) + "天还没收到货" : "物流太慢，快递一直没收到货"));
            }
            send(events, null, late("FS-again", "U960", "2026-11-08T10:00:00Z", "快递太慢了，下单3天还没收到货"));
            send(events, null, late("FS-other", "U970", "2026-11-08T11:00:00Z", "The shoes are one size too big"));
            events.flush();
            // keys differ, so partitions differ: the last record sent is not the last one projected
            List<String> sent = new ArrayList<>(List.of("FS-again", "FS-other"));
            for (int c = 0; c < 12; c++) {
                sent.add("FS-" + c);
            }
            for (int day = 1; day <= 7; day++) {
                sent.add("FS-usual-" + day);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> topics.analyse().byId().keySet().containsAll(sent));
        }
        ComplaintTopics.Analysis analysis = topics.latest();
        Integer late = analysis.topicOf("FS-0");
        assertThat(analysis.topicOf("FS-11")).isEqualTo(late);
        assertThat(analysis.topicOf("FS-other")).isNotEqualTo(late);

        JsonNode topic = api.get("/api/v1/feedback/topics?from=2026-11-08&to=2026-11-08").json().at("/topics/0");
        assertThat(topic.get("topic").asInt()).isEqualTo(late);
        assertThat(topic.get("complaints").asInt()).isEqualTo(13);
        assertThat(topic.get("distinct").asInt()).as("the repeat counts once").isEqualTo(12);
        assertThat(topic.get("usualPerDay").asDouble()).isEqualTo(1.0);
        assertThat(topic.get("growth").asDouble()).isEqualTo(12.0);
        assertThat(topic.get("label")).isNotEmpty();
        assertThat(topic.get("examples").get(0).asString()).isEqualTo("快递太慢了，下单3天还没收到货");
        JsonNode similar = api.get("/api/v1/feedback/FS-again/similar?limit=3").json();
        assertThat(similar).hasSize(3);
        assertThat(similar.get(0).get("feedbackId").asString()).isEqualTo("FS-0");
        assertThat(similar.get(0).get("similarity").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(api.get("/api/v1/feedback?topic=" + late + "&from=2026-11-08&to=2026-11-08").json()
                .get("total").asInt()).isEqualTo(13);
        assertThat(api.get("/api/v1/feedback/FI-3/similar").status()).isEqualTo(404);

        List<Alert> fired = spikes.check(analysis, Instant.parse("2026-11-08T16:00:00Z"));
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(alert.values().get("observed")).isEqualTo(12.0);
            assertThat(alert.summary().en()).contains("12 complaints", "12× usual");
        });
        assertThat(spikes.check(analysis, Instant.parse("2026-11-08T17:00:00Z"))).as("fires once").isEmpty();
        assertThat(spikes.check(analysis, Instant.parse("2026-11-10T00:00:00Z"))).singleElement()
                .extracting(Alert::status).isEqualTo(AlertStatus.RESOLVED);
    }

    private static Feedback late(String id, String userId, String createdAt, String text) {
        return new Feedback(id, userId, null, FeedbackKind.COMPLAINT, FeedbackChannel.APP, 1, text,
                Instant.parse(createdAt), FeedbackStatus.OPEN, null, null);
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
