package io.keliu.notify.channels.sms;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Message;
import io.keliu.notify.channels.SendResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class AliyunSmsTest {
    @RegisterExtension
    static WireMockExtension aliyun = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);

    private SmsChannel channel() {
        return new SmsChannel(new SmsProperties("aliyun", "科流",
                new SmsProperties.Aliyun(aliyun.baseUrl(), "test-id", "test-secret", "SMS_123"), null, null, null),
                json, clock);
    }

    private static Message sms(String phone, String outId) {
        return new Message(outId, ChannelKind.SMS, phone, null, null, "严重·客流异常：广东省订单异常偏高", null, null,
                List.of());
    }

    @Test
    void sendsASignedSendSmsWithOurOutId() {
        aliyun.stubFor(post(urlPathEqualTo("/")).withHeader("x-acs-action", equalTo("SendSms"))
                .willReturn(okJson("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\","
                        + "\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}")));

        SendResult result = channel().send(sms("+8613800138000", "n-42"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Accepted.class,
                accepted -> assertThat(accepted.providerId()).isEqualTo("900619746936498440^0"));
        LoggedRequest request = aliyun.findAll(postRequestedFor(urlPathEqualTo("/"))).getFirst();
        assertThat(request.queryParameter("PhoneNumbers").firstValue()).isEqualTo("13800138000");
        assertThat(request.queryParameter("SignName").firstValue()).isEqualTo("科流");
        assertThat(request.queryParameter("TemplateCode").firstValue()).isEqualTo("SMS_123");
        assertThat(request.queryParameter("OutId").firstValue()).isEqualTo("n-42");
        assertThat(json.readTree(request.queryParameter("TemplateParam").firstValue()).path("text").asString())
                .isEqualTo("严重·客流异常：广东省订单异常偏高");
        assertThat(request.getHeader("x-acs-version")).isEqualTo("2017-05-25");
        assertThat(request.getHeader("x-acs-date")).isEqualTo("2026-12-01T02:00:00Z");
        assertThat(request.getHeader("Authorization")).isEqualTo(signatureAsTheServerComputesIt(request));
    }

    /** What Aliyun does on receipt: rebuild the canonical request from what arrived and sign it with the secret. */
    private static String signatureAsTheServerComputesIt(LoggedRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(request.getUrl()).getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.put(java.net.URLDecoder.decode(nameValue[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(nameValue[1].replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", request.getHeader("Host"));
        for (String name : List.of("x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce")) {
            headers.put(name, request.getHeader(name));
        }
        assertThat(request.getHeader("x-acs-content-sha256")).isEqualTo(Signing.sha256Hex(request.getBodyAsString()));
        return Acs3Signer.sign("POST", "/", query, headers, request.getBodyAsString(), "test-id", "test-secret")
                .get("Authorization");
    }

    @Test
    void flowControlIsRetryableAnIllegalNumberIsNot() {
        aliyun.stubFor(post(urlPathEqualTo("/")).withQueryParam("PhoneNumbers", equalTo("13800138000"))
                .willReturn(okJson("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控Permits:1\"}")));
        aliyun.stubFor(post(urlPathEqualTo("/")).withQueryParam("PhoneNumbers", equalTo("1380013"))
                .willReturn(okJson("{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}")));

        assertThat(channel().send(sms("+8613800138000", "a"))).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> {
                    assertThat(failed.code()).isEqualTo("isv.BUSINESS_LIMIT_CONTROL");
                    assertThat(failed.retryable()).isTrue();
                });
        assertThat(channel().send(sms("+861380013", "b"))).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }

    @Test
    void findsAnEarlierSendByItsOutId() {
        aliyun.stubFor(post(urlPathEqualTo("/")).withHeader("x-acs-action", equalTo("QuerySendDetails"))
                .withQueryParam("SendDate", equalTo("20261201"))
                .willReturn(okJson("{\"Code\":\"OK\",\"TotalCount\":1,\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":["
                        + "{\"OutId\":\"n-7\",\"SendStatus\":3,\"ErrCode\":\"DELIVERED\",\"PhoneNum\":\"13800138000\"}]}}")));
        aliyun.stubFor(post(urlPathEqualTo("/")).withHeader("x-acs-action", equalTo("QuerySendDetails"))
                .withQueryParam("SendDate", equalTo("20261130"))
                .willReturn(okJson("{\"Code\":\"OK\",\"TotalCount\":0,\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":[]}}")));

        assertThat(channel().statusOf(sms("+8613800138000", "n-7"))).get().isInstanceOf(SendResult.Accepted.class);
        assertThat(channel().statusOf(sms("+8613800138000", "n-8"))).isEmpty();
        assertThat(channel().resendIsSafe()).isFalse();
    }
}
