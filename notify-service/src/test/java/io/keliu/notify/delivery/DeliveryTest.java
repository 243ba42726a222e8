package io.keliu.notify.delivery;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.notify.NotifyTestSupport;
import io.keliu.notify.ProviderStubs;
import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.TopicReaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Alerts from the topic to the providers: grouping, dedupe, inhibition, silences, quiet hours, resolution. */
class DeliveryTest extends NotifyTestSupport {
    private static final Map<String, String> GUANGDONG = Map.of("region", "广东省");

    @Autowired
    EmbeddedKafkaBroker broker;

    private List<LoggedRequest> robotMessages(String key) {
        return ProviderStubs.HTTP.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))
                .withQueryParam("key", equalTo(key)));
    }

    private static List<LoggedRequest> smsSent() {
        return ProviderStubs.HTTP.findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-TC-Action", equalTo("SendSms")));
    }

    private String robotText(LoggedRequest request) {
        return json.readTree(request.getBodyAsString()).path("markdown").path("content").asString();
    }

    @Test
    void anAlertReachesEmailRobotAndSmsOnceAndTheLogShowsEachAttempt() throws Exception {
        subscribe("""
                {"name": "ops", "language": "zh-CN", "mentions": ["zhangsan"],
                 "recipients": [{"channel": "EMAIL", "address": "ops@example.com"},
                                {"channel": "WECOM_ROBOT", "address": "robot-key-0001"},
                                {"channel": "SMS", "address": "13800138000"}]}""");
        Alert alert = alert("traffic.anomaly/province:广东省", AlertSeverity.CRITICAL, AlertStatus.FIRING, GUANGDONG);

        publish(alert);
        await("the mail", () -> ProviderStubs.SMTP.getReceivedMessages().length == 1);
        await("the robot message and the SMS", () -> robotMessages("robot-key-0001").size() == 1
                && smsSent().size() == 1);
        publish(alert);

        MimeMessage mail = ProviderStubs.SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[科流] 严重：traffic.anomaly/province:广东省 异常");
        assertThat(robotText(robotMessages("robot-key-0001").getFirst()))
                .contains("traffic.anomaly/province:广东省 异常", "<@zhangsan>");
        JsonNode sms = json.readTree(smsSent().getFirst().getBodyAsString());
        assertThat(sms.path("PhoneNumberSet").path(0).asString()).isEqualTo("+8613800138000");

        await("three SENT notifications", () -> notifications("status = 'SENT'") == 3);
        JsonNode log = api("GET", "/api/v1/notifications?status=SENT", null).body();
        assertThat(log).hasSize(3);
        for (JsonNode notification : log) {
            assertThat(notification.path("alertIds").path(0).asString()).isEqualTo(alert.alertId());
            assertThat(notification.path("attemptLog")).hasSize(1);
            assertThat(notification.path("attemptLog").path(0).path("outcome").asString()).isEqualTo("ACCEPTED");
            assertThat(notification.path("sentAt").isNull()).isFalse();
        }
        assertThat(log.toString()).contains("+86138****8000", "o***@example.com", "****0001")
                .doesNotContain("13800138000", "ops@example.com", "robot-key-0001");

        quietly(Duration.ofSeconds(2));
        assertThat(notifications("true")).as("the redelivered alert is not sent again").isEqualTo(3);
    }

    @Test
    void aMessageThatIsNoAlertGoesToTheDeadLettersAndTheNextAlertStillArrives() {
        subscribe("""
                {"recipients": [{"channel": "WECOM_ROBOT", "address": "robot-key-after-garbage"}]}""");

        kafka.send(Topics.ALERTS, "garbage", "{\"alertId\": \"x\", \"schemaVersion\": 1".getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.ALERTS, "no-severity", ("{\"alertId\": \"y\", \"schemaVersion\": 1, \"type\": \"t\","
                + " \"dedupeKey\": \"k\", \"status\": \"FIRING\"}").getBytes(StandardCharsets.UTF_8));
        publish(alert("after-garbage", AlertSeverity.WARNING, AlertStatus.FIRING, GUANGDONG));

        await("the alert after the garbage", () -> robotMessages("robot-key-after-garbage").size() == 1);
        try (Consumer<String, byte[]> deadLetters = TopicReaders.fromEarliest(broker, "dlt-reader",
                "keliu.notify.dead-letter")) {
            Map<String, String> reasons = new HashMap<>();
            Instant deadline = Instant.now().plus(PATIENCE);
            while (reasons.size() < 2 && Instant.now().isBefore(deadline)) {
                deadLetters.poll(Duration.ofMillis(500)).forEach(record -> reasons.put(record.key(),
                        new String(record.headers().lastHeader("keliu_dead-letter-reason").value(),
                                StandardCharsets.UTF_8)));
            }
            assertThat(reasons.get("garbage")).startsWith("not an alert");
            assertThat(reasons.get("no-severity")).contains("severity");
        }
    }

    @Test
    void alertsOfOneGroupGoInOneMessageAndOtherGroupsApart() {
        subscribe("""
                {"recipients": [{"channel": "WECOM_ROBOT", "address": "robot-key-group"}], "groupBy": ["region"]}""");

        publish(alert("a/广东省/1", AlertSeverity.WARNING, AlertStatus.FIRING, GUANGDONG),
                alert("a/广东省/2", AlertSeverity.WARNING, AlertStatus.FIRING, GUANGDONG),
                alert("a/浙江省/1", AlertSeverity.WARNING, AlertStatus.FIRING, Map.of("region", "浙江省")));

        await("two messages", () -> robotMessages("robot-key-group").size() == 2);
        List<String> texts = robotMessages("robot-key-group").stream().map(this::robotText).toList();
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("a/广东省/1", "a/广东省/2", "（2 条）"))
                .anySatisfy(text -> assertThat(text).contains("a/浙江省/1").doesNotContain("广东省/"));
    }

    @Test
    void aCriticalAlertMutesWarningsWithTheSameLabels() {
        subscribe("""
                {"recipients": [{"channel": "WECOM_ROBOT", "address": "robot-key-inhibit"}], "groupBy": ["type"]}""");
        Map<String, String> store = Map.of("region", "广东省", "channel", "WECHAT");

        publish(alert("critical", AlertSeverity.CRITICAL, AlertStatus.FIRING, store),
                alert("warning-same-labels", AlertSeverity.WARNING, AlertStatus.FIRING, store),
                alert("warning-other-labels", AlertSeverity.WARNING, AlertStatus.FIRING, GUANGDONG));

        await("one message", () -> robotMessages("robot-key-inhibit").size() == 1);
        assertThat(robotText(robotMessages("robot-key-inhibit").getFirst()))
                .contains("critical 异常", "warning-other-labels").doesNotContain("warning-same-labels");
    }

    @Test
    void aSilenceMutesTheAlertsItMatches() {
        subscribe("""
                {"recipients": [{"channel": "WECOM_ROBOT", "address": "robot-key-silence"}], "groupBy": ["type"]}""");
        assertThat(api("POST", "/api/v1/silences", """
                {"matchers": {"region": "广东省"}, "endsAt": "2099-01-01T00:00:00Z", "comment": "maintenance"}""")
                .status()).isEqualTo(201);

        publish(alert("silenced", AlertSeverity.CRITICAL, AlertStatus.FIRING, GUANGDONG),
                alert("heard", AlertSeverity.WARNING, AlertStatus.FIRING, Map.of("region", "浙江省")));

        await("one message", () -> robotMessages("robot-key-silence").size() == 1);
        assertThat(robotText(robotMessages("robot-key-silence").getFirst())).contains("heard").doesNotContain("silenced");
        assertThat(api("POST", "/api/v1/silences", """
                {"matchers": {}, "endsAt": "2099-01-01T00:00:00Z"}""").body().path("field").asString())
                .isEqualTo("matchers");
    }

    @Test
    void quietHoursHoldWarningsButCriticalAlertsBreakThrough() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalTime now = LocalTime.now(zone);
        String quiet = """
                "quietHours": {"start": "%s", "end": "%s", "zone": "Asia/Shanghai", "criticalOverrides": true}"""
                .formatted(now.minusHours(1).withSecond(0).withNano(0), now.plusHours(1).withSecond(0).withNano(0));
        subscribe("{\"recipients\": [{\"channel\": \"WECOM_ROBOT\", \"address\": \"robot-key-quiet\"}],"
                + " \"groupBy\": [\"region\"], " + quiet + "}");

        publish(alert("held", AlertSeverity.WARNING, AlertStatus.FIRING, Map.of("region", "浙江省")),
                alert("urgent", AlertSeverity.CRITICAL, AlertStatus.FIRING, GUANGDONG));

        await("the critical message", () -> robotMessages("robot-key-quiet").size() == 1);
        quietly(Duration.ofSeconds(2));
        assertThat(robotMessages("robot-key-quiet")).hasSize(1);
        assertThat(robotText(robotMessages("robot-key-quiet").getFirst())).contains("urgent").doesNotContain("held");
        assertThat(jdbc.queryForObject("select next_flush_at > now() + interval '50 minutes' from notify.groups"
                + " where group_key = 'region=浙江省'", Boolean.class)).as("held until the quiet hours end").isTrue();
    }

    @Test
    void aResolvedAlertIsToldWhenTheSubscriptionAsksForIt() {
        subscribe("""
                {"recipients": [{"channel": "WECOM_ROBOT", "address": "robot-key-resolve"}], "language": "en"}""");
        Alert firing = alert("resolving", AlertSeverity.WARNING, AlertStatus.FIRING, GUANGDONG);
        publish(firing);
        await("the firing message", () -> robotMessages("robot-key-resolve").size() == 1);

        publish(alert("resolving", AlertSeverity.WARNING, AlertStatus.RESOLVED, GUANGDONG));

        await("the resolved message", () -> robotMessages("robot-key-resolve").size() == 2);
        assertThat(robotText(robotMessages("robot-key-resolve").getLast())).contains("resolved");
        await("the group is gone", () -> jdbc.queryForObject("select count(*) from notify.groups", Integer.class) == 0);
    }

    @Test
    void aDigestCollectsEveryAlertOfItsSubscriptionInOneGroup() {
        subscribe("""
                {"recipients": [{"channel": "EMAIL", "address": "digest@example.com"}], "digestMinutes": 60}""");

        publish(alert("d1", AlertSeverity.WARNING, AlertStatus.FIRING, GUANGDONG),
                alert("d2", AlertSeverity.INFO, AlertStatus.FIRING, Map.of("region", "浙江省")));

        await("both alerts in the digest group", () -> jdbc.queryForObject(
                "select count(*) from notify.group_alerts where group_key = 'digest'", Integer.class) == 2);
        assertThat(jdbc.queryForObject("select count(*) from notify.groups", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select next_flush_at between first_seen_at + interval '59 minutes'"
                + " and first_seen_at + interval '61 minutes' from notify.groups", Boolean.class)).isTrue();
        assertThat(notifications("true")).isZero();
    }
}
