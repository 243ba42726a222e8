package io.keliu.notify.channels.sms;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Message;
import io.keliu.notify.channels.SendResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TencentSmsTest {
    @RegisterExtension
    static WireMockExtension tencent = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);

    private SmsChannel channel() {
        return new SmsChannel(new SmsProperties("tencent", "科流", null,
                new SmsProperties.Tencent(tencent.baseUrl(), "AKIDtest", "secret", null, "1400000001", "2001"),
                null, null), json, clock);
    }

    private static Message sms(String phone, String outId) {
        return new Message(outId, ChannelKind.SMS, phone, null, null, "警告·错误激增：订单服务错误增多", null, null,
                List.of());
    }

    @Test
    void sendsASignedSendSmsWithOurSessionContext() {
        tencent.stubFor(post(urlPathEqualTo("/")).withHeader("X-TC-Action", equalTo("SendSms"))
                .willReturn(okJson("{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"5000:1045710669157053657849499619\","
                        + "\"PhoneNumber\":\"+8613800138000\",\"Fee\":1,\"SessionContext\":\"n-1\",\"Code\":\"Ok\","
                        + "\"Message\":\"send success\",\"IsoCode\":\"CN\"}],\"RequestId\":\"a0aabda6\"}}")));

        SendResult result = channel().send(sms("+8613800138000", "n-1"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Accepted.class,
                accepted -> assertThat(accepted.providerId()).isEqualTo("5000:1045710669157053657849499619"));
        LoggedRequest request = tencent.findAll(postRequestedFor(urlPathEqualTo("/"))).getFirst();
        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.path("PhoneNumberSet").path(0).asString()).isEqualTo("+8613800138000");
        assertThat(body.path("SmsSdkAppId").asString()).isEqualTo("1400000001");
        assertThat(body.path("TemplateId").asString()).isEqualTo("2001");
        assertThat(body.path("SignName").asString()).isEqualTo("科流");
        assertThat(body.path("TemplateParamSet").path(0).asString()).isEqualTo("警告·错误激增：订单服务错误增多");
        assertThat(body.path("SessionContext").asString()).isEqualTo("n-1");
        assertThat(request.getHeader("X-TC-Version")).isEqualTo("2021-01-11");
        assertThat(request.getHeader("X-TC-Region")).isEqualTo("ap-guangzhou");
        assertThat(request.getHeader("X-TC-Timestamp")).isEqualTo("1796090400");
        assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase("application/json; charset=utf-8");
        // what Tencent Cloud does on receipt: sign what arrived with the secret and compare
        assertThat(request.getHeader("Authorization")).isEqualTo(Tc3Signer.authorization("AKIDtest", "secret", "sms",
                request.getHeader("Host"), 1796090400L, request.getBodyAsString()));
    }

    @Test
    void limitExceededIsRetryableWhetherForTheRequestOrTheNumber() {
        tencent.stubFor(post(urlPathEqualTo("/")).withRequestBody(matchingJsonPath("$.SessionContext", equalTo("r")))
                .willReturn(okJson("{\"Response\":{\"Error\":{\"Code\":\"LimitExceeded.PhoneNumberDailyLimit\","
                        + "\"Message\":\"单个手机号日下发条数超过设定的上限\"},\"RequestId\":\"x\"}}")));
        tencent.stubFor(post(urlPathEqualTo("/")).withRequestBody(matchingJsonPath("$.SessionContext", equalTo("n")))
                .willReturn(okJson("{\"Response\":{\"SendStatusSet\":[{\"Code\":\"LimitExceeded.PhoneNumberThirtySecondLimit\","
                        + "\"Message\":\"30秒内下发短信条数超过上限\"}],\"RequestId\":\"y\"}}")));
        tencent.stubFor(post(urlPathEqualTo("/")).withRequestBody(matchingJsonPath("$.SessionContext", equalTo("bad")))
                .willReturn(okJson("{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.IncorrectPhoneNumber\","
                        + "\"Message\":\"手机号格式错误\"},\"RequestId\":\"z\"}}")));

        assertThat(channel().send(sms("+8613800138000", "r"))).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> {
                    assertThat(failed.code()).isEqualTo("LimitExceeded.PhoneNumberDailyLimit");
                    assertThat(failed.retryable()).isTrue();
                });
        assertThat(channel().send(sms("+8613800138000", "n"))).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
        assertThat(channel().send(sms("+8613800138000", "bad"))).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }

    @Test
    void findsAnEarlierSendByItsSessionContext() {
        tencent.stubFor(post(urlPathEqualTo("/")).withHeader("X-TC-Action", equalTo("PullSmsSendStatusByPhoneNumber"))
                .willReturn(okJson("{\"Response\":{\"PullSmsSendStatusSet\":[{\"SessionContext\":\"n-9\","
                        + "\"SerialNo\":\"s9\",\"ReportStatus\":\"SUCCESS\"}],\"RequestId\":\"q\"}}")));

        assertThat(channel().statusOf(sms("+8613800138000", "n-9"))).get().isInstanceOf(SendResult.Accepted.class);
        assertThat(channel().statusOf(sms("+8613800138000", "n-10"))).isEmpty();
    }

    @Test
    void withoutAProviderSmsIsOffAndSaysHowToTurnItOn() {
        SmsChannel off = new SmsChannel(new SmsProperties(null, null, null, null, null, null), json, clock);
        assertThat(off.availability().on()).isFalse();
        assertThat(off.availability().detail()).contains("KELIU_SMS_PROVIDER");
    }
}
