package io.keliu.notify.outbox;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.keliu.contracts.v1.Alert;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.notify.NotifyTestSupport;
import io.keliu.notify.ProviderStubs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What the outbox does when providers fail, stall or throttle, and after a crash. */
class OutboxFaultTest extends NotifyTestSupport {

    private List<LoggedRequest> robotMessages(String key) {
        return ProviderStubs.HTTP.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))
                .withQueryParam("key", equalTo(key)));
    }

    private static List<LoggedRequest> smsRequests(String action) {
        return ProviderStubs.HTTP.findAll(postRequestedFor(urlPathEqualTo("/")).withHeader("X-TC-Action", equalTo(action)));
    }

    /**
     * The five-minute outage, compressed: the SMS provider answers 503 for 5 s while the backoff starts at
     * 200 ms and is capped at 1 s (production: 2 s and 5 min, 12 attempts), so the same retry logic runs through
     * several attempts.
     */
    @Test
    void aProviderDownForAWhileLosesNothing() {
        subscribe("""
                {"recipients": [{"channel": "SMS", "address": "13500135000"}], "groupBy": ["region"]}""");
        Instant outageEnds = Instant.now().plusSeconds(5);
        StubMapping outage = failing(post(urlPathEqualTo("/"))
                .willReturn(aResponse().withStatus(503).withBody("upstream down")));

        publish(alert("outage/1", AlertSeverity.WARNING, AlertStatus.FIRING, Map.of("region", "广东省")),
                alert("outage/2", AlertSeverity.WARNING, AlertStatus.FIRING, Map.of("region", "浙江省")),
                alert("outage/3", AlertSeverity.WARNING, AlertStatus.FIRING, Map.of("region", "江苏省")));
        await("failed attempts during the outage", () -> notifications("attempts >= 2") == 3);
        quietly(Duration.between(Instant.now(), outageEnds));
        restore(outage);

        await("every notification sent", () -> notifications("status = 'SENT'") == 3);
        assertThat(notifications("status <> 'SENT'")).isZero();
        for (JsonNode notification : api("GET", "/api/v1/notifications", null).body()) {
            JsonNode attempts = notification.path("attemptLog");
            assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
            assertThat(attempts.path(0).path("code").asString()).isEqualTo("HTTP_503");
            assertThat(attempts.path(attempts.size() - 1).path("outcome").asString()).isEqualTo("ACCEPTED");
        }
        String sent = String.join("\n", smsRequests("SendSms").stream().map(LoggedRequest::getBodyAsString).toList());
        assertThat(sent).contains("outage/1", "outage/2", "outage/3");
    }

    @Test
    void anInvalidWebhookIsDeadAtOnceWithTheProvidersAnswerAndCanBeRetried() {
        subscribe("""
                {"recipients": [{"channel": "WECOM_ROBOT", "address": "robot-key-removed"}]}""");
        StubMapping removed = failing(post(urlPathEqualTo("/cgi-bin/webhook/send"))
                .willReturn(okJson("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")));

        publish(alert("dead/1", AlertSeverity.WARNING, AlertStatus.FIRING, Map.of()));
        await("a dead notification", () -> notifications("status = 'DEAD'") == 1);

        JsonNode dead = api("GET", "/api/v1/notifications?status=DEAD&channel=WECOM_ROBOT", null).body().path(0);
        assertThat(dead.path("attempts").asInt()).isEqualTo(1);
        assertThat(dead.path("lastError").asString()).startsWith("93000");
        assertThat(dead.path("providerAnswer").asString()).contains("invalid webhook url");

        restore(removed);
        JsonNode retried = api("POST", "/api/v1/notifications/" + dead.path("id").asString() + "/retry", null).body();
        assertThat(retried.path("status").asString()).isIn("PENDING", "SENDING", "SENT");
        await("the retried notification sent", () -> notifications("status = 'SENT'") == 1);
        assertThat(api("POST", "/api/v1/notifications/" + dead.path("id").asString() + "/retry", null).status())
                .as("a sent notification is not retried").isEqualTo(400);
    }

    @Test
    void anUnansweredSmsIsNeverResentBlindly() {
        subscribe("""
                {"recipients": [{"channel": "SMS", "address": "+8613900139000"}], "groupBy": ["region"]}""");
        ProviderStubs.HTTP.stubFor(post(urlPathEqualTo("/")).atPriority(1).withHeader("X-TC-Action", equalTo("SendSms"))
                .willReturn(okJson("{\"Response\":{\"SendStatusSet\":[{\"Code\":\"Ok\"}]}}").withFixedDelay(8000)));
        // the provider has a record of one of the two messages only
        ProviderStubs.HTTP.stubFor(post(urlPathEqualTo("/")).atPriority(1)
                .withHeader("X-TC-Action", equalTo("PullSmsSendStatusByPhoneNumber"))
                .willReturn(aResponse().withTransformers().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"Response\":{\"PullSmsSendStatusSet\":[]}}")));

        publish(alert("sms/1", AlertSeverity.CRITICAL, AlertStatus.FIRING, Map.of("region", "广东省")));
        await("the notification marked UNKNOWN", () -> notifications("status = 'UNKNOWN'") == 1);
        quietly(Duration.ofSeconds(2));

        assertThat(smsRequests("SendSms")).as("sent once, not again").hasSize(1);
        assertThat(smsRequests("PullSmsSendStatusByPhoneNumber")).hasSize(1);
        JsonNode unknown = api("GET", "/api/v1/notifications?status=UNKNOWN", null).body().path(0);
        assertThat(unknown.path("lastError").asString()).contains("not resent");
        assertThat(unknown.path("attemptLog").path(0).path("outcome").asString()).isEqualTo("AMBIGUOUS");
    }

    @Test
    void anUnansweredSmsTheProviderKnowsIsSent() {
        subscribe("""
                {"recipients": [{"channel": "SMS", "address": "+8613700137000"}]}""");
        ProviderStubs.HTTP.stubFor(post(urlPathEqualTo("/")).atPriority(1).withHeader("X-TC-Action", equalTo("SendSms"))
                .willReturn(okJson("{\"Response\":{\"SendStatusSet\":[{\"Code\":\"Ok\"}]}}").withFixedDelay(8000)));

        publish(alert("sms/2", AlertSeverity.CRITICAL, AlertStatus.FIRING, Map.of()));
        await("an attempt", () -> notifications("attempts = 1") == 1);
        UUID id = jdbc.queryForObject("select id from notify.notifications", UUID.class);
        ProviderStubs.HTTP.stubFor(post(urlPathEqualTo("/")).atPriority(1)
                .withHeader("X-TC-Action", equalTo("PullSmsSendStatusByPhoneNumber"))
                .withRequestBody(matchingJsonPath("$.PhoneNumber", equalTo("+8613700137000")))
                .willReturn(okJson("{\"Response\":{\"PullSmsSendStatusSet\":[{\"SessionContext\":\"" + id
                        + "\",\"SerialNo\":\"s-known\",\"ReportStatus\":\"SUCCESS\"}]}}")));

        await("the notification found SENT", () -> notifications("status = 'SENT' and provider_id = 's-known'") == 1);
        assertThat(smsRequests("SendSms")).hasSize(1);
    }

    @Test
    void aRobotOverItsRateGetsMergedMessagesAndLosesNothing() {
        // the tests' robot takes 3 messages in 5 s (20 a minute in production)
        subscribe("""
                {"recipients": [{"channel": "WECOM_ROBOT", "address": "robot-key-busy"}], "groupBy": ["series"]}""");

        publish(IntStream.rangeClosed(1, 8).mapToObj(i -> alert("busy/" + i, AlertSeverity.WARNING,
                AlertStatus.FIRING, Map.of("series", "s" + i))).toArray(Alert[]::new));

        // what finds no room this minute waits for the robot's next one
        await("all eight sent", Duration.ofSeconds(90), () -> notifications("status = 'SENT'") == 8);
        List<LoggedRequest> messages = robotMessages("robot-key-busy");
        assertThat(messages.size()).isLessThan(8);
        for (LoggedRequest message : messages) {
            long from = message.getLoggedDate().getTime();
            assertThat(messages.stream().filter(other -> other.getLoggedDate().getTime() >= from
                    && other.getLoggedDate().getTime() < from + 4_900)).as("messages within one window").hasSizeLessThanOrEqualTo(3);
        }
        String all = String.join("\n", messages.stream().map(LoggedRequest::getBodyAsString).toList());
        for (int i = 1; i <= 8; i++) {
            assertThat(all).contains("busy/" + i + " ");
        }
        assertThat(notifications("merged_into is not null")).isEqualTo(8 - messages.size());
    }

    /**
     * A crash during a provider call leaves a notification SENDING. After the claim lease, one that may be resent is
     * sent again; an SMS is only looked up at the provider.
     */
    @Test
    void sendsInterruptedByACrashAreResumedSafely() {
        UUID subscription = subscribe("""
                {"recipients": [{"channel": "WECOM_ROBOT", "address": "robot-key-crash"},
                                {"channel": "SMS", "address": "13600136000"}]}""");
        ProviderStubs.HTTP.stubFor(post(urlPathEqualTo("/")).atPriority(1)
                .withHeader("X-TC-Action", equalTo("PullSmsSendStatusByPhoneNumber"))
                .willReturn(okJson("{\"Response\":{\"PullSmsSendStatusSet\":[]}}")));
        JsonNode recipients = jdbc.queryForObject("select spec from notify.subscriptions", (row, i) ->
                json.readTree(row.getString(1)).path("recipients"));
        for (JsonNode recipient : recipients) {
            jdbc.update("""
                            insert into notify.notifications (id, subscription_id, group_key, channel, recipient,
                                recipient_hash, recipient_masked, alert_ids, dedupe_keys, content, status, attempts,
                                next_attempt_at, claimed_at)
                            values (?, ?, 'g', ?, ?, ?, ?, array['crash'], array['crash'],
                                    '{"subject":"s","markdown":"crash-test","shortText":"crash-test","html":"h",
                                      "plainText":"p","mentions":[]}'::jsonb,
                                    'SENDING', 1, now(), now() - interval '1 minute')""",
                    UUID.randomUUID(), subscription, recipient.path("channel").asString(),
                    recipient.path("sealed").asString(), recipient.path("hash").asString(),
                    recipient.path("masked").asString());
        }

        await("the robot message resent", () -> robotMessages("robot-key-crash").size() == 1);
        await("the SMS marked UNKNOWN", () -> notifications("channel = 'SMS' and status = 'UNKNOWN'") == 1);
        assertThat(smsRequests("SendSms")).isEmpty();
        await("the robot notification SENT", () -> notifications("channel = 'WECOM_ROBOT' and status = 'SENT'") == 1);
    }
}
