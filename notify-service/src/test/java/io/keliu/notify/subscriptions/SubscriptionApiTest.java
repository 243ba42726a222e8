package io.keliu.notify.subscriptions;

import io.keliu.notify.NotifyTestSupport;
import io.keliu.notify.ProviderStubs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionApiTest extends NotifyTestSupport {

    @Test
    void storesAddressesSealedAndShowsThemMasked() {
        Answer created = api("POST", "/api/v1/subscriptions", """
                {"name": "华南运营", "language": "en",
                 "recipients": [
                   {"channel": "SMS", "address": "138 0013 8000"},
                   {"channel": "WECOM_ROBOT",
                    "address": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aoc-4bc4-97a0-0ec2sifa5aaa"},
                   {"channel": "EMAIL", "address": "ops@example.com"},
                   {"channel": "WECOM_APP", "address": "zhangsan"}],
                 "match": {"types": ["traffic.anomaly"], "minSeverity": "WARNING", "labels": {"region": "广东省"}},
                 "channelsBySeverity": {"CRITICAL": ["SMS", "WECOM_ROBOT"], "WARNING": ["WECOM_ROBOT"]},
                 "quietHours": {"start": "22:00", "end": "07:00"}}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode recipients = created.body().path("recipients");
        assertThat(recipients.path(0).path("address").asString()).isEqualTo("+86138****8000");
        assertThat(recipients.path(1).path("address").asString()).isEqualTo("****5aaa");
        assertThat(recipients.path(2).path("address").asString()).isEqualTo("o***@example.com");
        assertThat(recipients.path(3).path("channelOn").asBoolean()).as("no WeCom app credentials here").isFalse();
        assertThat(recipients.path(3).path("channelDetail").asString()).contains("KELIU_WECOM_CORP_ID");
        assertThat(recipients.path(0).path("channelOn").asBoolean()).isTrue();
        assertThat(created.body().path("quietHours").path("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(created.body().path("quietHours").path("criticalOverrides").asBoolean()).isTrue();

        String stored = jdbc.queryForObject("select spec::text from notify.subscriptions", String.class);
        String listed = api("GET", "/api/v1/subscriptions", null).body().toString();
        for (String secret : new String[] {"13800138000", "693a91f6-7aoc-4bc4-97a0-0ec2sifa5aaa", "ops@example.com"}) {
            assertThat(stored).doesNotContain(secret);
            assertThat(listed).doesNotContain(secret);
        }
    }

    @Test
    void aBadFieldIsA400ProblemNamingIt() {
        Answer badPhone = api("POST", "/api/v1/subscriptions", """
                {"recipients": [{"channel": "SMS", "address": "12345"}]}""");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.contentType()).startsWith("application/problem+json");
        assertThat(badPhone.body().path("field").asString()).isEqualTo("recipients[0].address");
        assertThat(badPhone.body().path("detail").asString()).contains("E.164");

        assertThat(api("POST", "/api/v1/subscriptions", """
                {"recipients": [{"channel": "SMS", "address": "+86 12345678901"}]}""").body().path("detail").asString())
                .contains("mainland China mobile");

        Answer badChannel = api("POST", "/api/v1/subscriptions", """
                {"recipients": [{"channel": "PIGEON", "address": "x"}]}""");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body().path("detail").asString()).contains("PIGEON");

        assertThat(api("POST", "/api/v1/subscriptions", """
                {"recipients": [{"channel": "EMAIL", "address": "a@b.cn"}], "language": "fr"}""")
                .body().path("field").asString()).isEqualTo("language");
        assertThat(api("POST", "/api/v1/subscriptions", """
                {"recipients": [{"channel": "EMAIL", "address": "a@b.cn"}],
                 "quietHours": {"start": "22:00", "end": "07:00", "zone": "Mars/Olympus"}}""")
                .body().path("field").asString()).isEqualTo("quietHours.zone");
        assertThat(api("GET", "/api/v1/notifications?status=LOST", null).body().path("field").asString())
                .isEqualTo("status");
        assertThat(api("GET", "/api/v1/notifications?from=yesterday", null).body().path("detail").asString())
                .contains("ISO-8601");
    }

    @Test
    void patchChangesTheFieldsGivenAndDeleteRemoves() {
        String id = api("POST", "/api/v1/subscriptions", """
                {"name": "a", "recipients": [{"channel": "EMAIL", "address": "a@example.com"}]}""")
                .body().path("id").asString();

        JsonNode patched = api("PATCH", "/api/v1/subscriptions/" + id, """
                {"language": "en", "digestMinutes": 15, "sendResolved": false}""").body();

        assertThat(patched.path("language").asString()).isEqualTo("en");
        assertThat(patched.path("digestMinutes").asInt()).isEqualTo(15);
        assertThat(patched.path("sendResolved").asBoolean()).isFalse();
        assertThat(patched.path("name").asString()).isEqualTo("a");
        assertThat(patched.path("recipients").path(0).path("address").asString()).isEqualTo("a***@example.com");
        assertThat(api("PATCH", "/api/v1/subscriptions/" + id, """
                {"digestMinutes": 0}""").body().path("field").asString()).isEqualTo("digestMinutes");

        assertThat(api("DELETE", "/api/v1/subscriptions/" + id, null).status()).isEqualTo(204);
        assertThat(api("GET", "/api/v1/subscriptions/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void aTestSendReportsEachProvidersAnswerAtOnce() {
        ProviderStubs.HTTP.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).atPriority(1)
                .withQueryParam("key", equalTo("robot-key-gone"))
                .willReturn(okJson("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")));
        String id = api("POST", "/api/v1/subscriptions", """
                {"name": "值班", "recipients": [{"channel": "EMAIL", "address": "test@example.com"},
                                              {"channel": "WECOM_ROBOT", "address": "robot-key-gone"}]}""")
                .body().path("id").asString();

        JsonNode outcomes = api("POST", "/api/v1/subscriptions/" + id + "/test", null).body();

        assertThat(outcomes.path(0).path("notification").path("status").asString()).isEqualTo("SENT");
        assertThat(outcomes.path(1).path("notification").path("status").asString()).isEqualTo("DEAD");
        assertThat(outcomes.path(1).path("notification").path("providerAnswer").asString())
                .contains("invalid webhook url");
        assertThat(ProviderStubs.SMTP.getReceivedMessages()).hasSize(1);
        assertThat(api("GET", "/api/v1/notifications", null).body()).hasSize(2);
    }

    @Test
    void healthSaysWhichChannelsAreOn() {
        JsonNode channels = api("GET", "/actuator/health", null).body().path("components").path("channels");
        assertThat(channels.path("status").asString()).isEqualTo("UP");
        assertThat(channels.path("details").path("email").path("on").asBoolean()).isTrue();
        assertThat(channels.path("details").path("sms").path("detail").asString()).contains("tencent");
        assertThat(channels.path("details").path("wecom_app").path("on").asBoolean()).isFalse();
    }
}
