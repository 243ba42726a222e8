package io.keliu.notify.channels.wecom;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Messages;
import io.keliu.notify.channels.SendResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class WeComAppChannelTest {
    @RegisterExtension
    static WireMockExtension wecom = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final JsonMapper json = JsonMapper.builder().build();
    private final MovableClock clock = new MovableClock();
    private WeComAppChannel channel;

    @BeforeEach
    void channel() {
        channel = new WeComAppChannel(new WeComProperties(wecom.baseUrl(), "corp-1", "secret-1", 1000002, null,
                Duration.ofSeconds(2), Duration.ofSeconds(5)), json, clock);
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .withQueryParam("corpid", equalTo("corp-1")).withQueryParam("corpsecret", equalTo("secret-1"))
                .inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"T1\",\"expires_in\":7200}"))
                .willSetStateTo("second"));
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"T2\",\"expires_in\":7200}")));
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("T2"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"m2\"}")));
    }

    @Test
    void fetchesTheTokenOnceUntilItExpiresAndAsksForDuplicateChecks() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("T1"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"m1\"}")));

        assertThat(channel.send(Messages.to(ChannelKind.WECOM_APP, "zhangsan|lisi", "**告警**")))
                .isEqualTo(new SendResult.Accepted("m1", "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"m1\"}"));
        channel.send(Messages.to(ChannelKind.WECOM_APP, "zhangsan", "**告警**"));
        wecom.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));

        JsonNode body = json.readTree(wecom.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")))
                .getFirst().getBodyAsString());
        assertThat(body.path("touser").asString()).isEqualTo("zhangsan|lisi");
        assertThat(body.path("agentid").asInt()).isEqualTo(1000002);
        assertThat(body.path("msgtype").asString()).isEqualTo("markdown");
        assertThat(body.path("enable_duplicate_check").asInt()).isEqualTo(1);
        assertThat(body.path("duplicate_check_interval").asInt()).isEqualTo(1800);

        clock.advance(Duration.ofSeconds(7200));
        assertThat(channel.send(Messages.to(ChannelKind.WECOM_APP, "zhangsan", "x")))
                .isInstanceOf(SendResult.Accepted.class);
        wecom.verify(2, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
    }

    @Test
    void anInvalidTokenIsRefreshedAndTheSendRetriedOnce() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("T1"))
                .willReturn(okJson("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}")));

        SendResult result = channel.send(Messages.to(ChannelKind.WECOM_APP, "zhangsan", "x"));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        wecom.verify(2, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withQueryParam("access_token", equalTo("T2")));
    }

    @Test
    void aTokenRejectedTwiceIsAFailureNotALoop() {
        wecom.resetAll();
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"access_token\":\"T\",\"expires_in\":7200}")));
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send"))
                .willReturn(okJson("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}")));

        assertThat(channel.send(Messages.to(ChannelKind.WECOM_APP, "zhangsan", "x")))
                .isInstanceOfSatisfying(SendResult.Failed.class, failed -> assertThat(failed.code()).isEqualTo("40014"));
        wecom.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
    }

    @Test
    void withoutCredentialsTheChannelIsOffAndSaysWhy() {
        WeComAppChannel off = new WeComAppChannel(new WeComProperties(wecom.baseUrl(), null, null, null, null, null,
                null), json, clock);
        assertThat(off.availability().on()).isFalse();
        assertThat(off.availability().detail()).contains("KELIU_WECOM_CORP_ID");
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T02:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
