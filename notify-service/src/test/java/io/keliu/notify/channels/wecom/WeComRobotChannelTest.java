package io.keliu.notify.channels.wecom;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Messages;
import io.keliu.notify.channels.SendResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class WeComRobotChannelTest {
    @RegisterExtension
    static WireMockExtension wecom = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final JsonMapper json = JsonMapper.builder().build();

    private WeComRobotChannel channel(Duration readTimeout) {
        return new WeComRobotChannel(new WeComProperties(wecom.baseUrl(), null, null, null, null,
                Duration.ofSeconds(2), readTimeout), json);
    }

    @Test
    void postsMarkdownWithMentionsToTheWebhookKey() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        SendResult result = channel(Duration.ofSeconds(5)).send(
                Messages.to(ChannelKind.WECOM_ROBOT, "robot-key-1", "**严重** 广东省订单异常偏高", "zhangsan"));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        LoggedRequest request = wecom.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))
                .withQueryParam("key", equalTo("robot-key-1"))).getFirst();
        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.path("msgtype").asString()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asString())
                .isEqualTo("**严重** 广东省订单异常偏高\n<@zhangsan>");
    }

    @Test
    void cutsLongMarkdownToTheLimitKeepingTheMentions() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        channel(Duration.ofSeconds(5)).send(Messages.to(ChannelKind.WECOM_ROBOT, "k",
                "> 广东省订单异常偏高\n".repeat(400), "lisi"));

        String content = json.readTree(wecom.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")))
                .getLast().getBodyAsString()).path("markdown").path("content").asString();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096).isGreaterThan(3900);
        assertThat(content).endsWith("…\n<@lisi>").doesNotContain("\uFFFD");
    }

    @Test
    void rateLimitIsWorthRetryingAnInvalidWebhookIsNot() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", equalTo("busy"))
                .willReturn(okJson("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")));
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", equalTo("gone"))
                .willReturn(okJson("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")));

        SendResult limited = channel(Duration.ofSeconds(5)).send(Messages.to(ChannelKind.WECOM_ROBOT, "busy", "x"));
        SendResult invalid = channel(Duration.ofSeconds(5)).send(Messages.to(ChannelKind.WECOM_ROBOT, "gone", "x"));

        assertThat(limited).isEqualTo(new SendResult.Failed("45009",
                "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}", true));
        assertThat(invalid).isInstanceOfSatisfying(SendResult.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo("93000");
            assertThat(failed.retryable()).isFalse();
        });
    }

    @Test
    void noAnswerIsAmbiguousButARefusedConnectionIsNot() {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send"))
                .willReturn(aResponse().withFixedDelay(1500).withBody("{\"errcode\":0}")));

        assertThat(channel(Duration.ofMillis(300)).send(Messages.to(ChannelKind.WECOM_ROBOT, "slow", "x")))
                .isInstanceOf(SendResult.Ambiguous.class);

        WeComRobotChannel nowhere = new WeComRobotChannel(new WeComProperties("http://localhost:1", null, null, null,
                null, Duration.ofSeconds(1), Duration.ofSeconds(1)), json);
        assertThat(nowhere.send(Messages.to(ChannelKind.WECOM_ROBOT, "k", "x")))
                .isInstanceOfSatisfying(SendResult.Failed.class, failed -> assertThat(failed.retryable()).isTrue());
    }
}
