package io.keliu.notify.channels.sms;

import io.keliu.notify.channels.ProviderCalls;
import io.keliu.notify.channels.ProviderHttp;
import io.keliu.notify.channels.SendResult;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tencent Cloud SMS (API 2021-01-11): SendSms and PullSmsSendStatusByPhoneNumber, signed with TC3-HMAC-SHA256. */
class TencentSms implements SmsProvider {
    private static final String VERSION = "2021-01-11";
    private static final String SERVICE = "sms";

    private final SmsProperties.Tencent properties;
    private final String signName;
    private final JsonMapper json;
    private final Clock clock;
    private final RestClient http;
    private final String host;

    TencentSms(SmsProperties sms, JsonMapper json, Clock clock) {
        this.properties = sms.tencent();
        this.signName = sms.signName();
        this.json = json;
        this.clock = clock;
        this.http = ProviderHttp.client(properties.endpoint(), sms.connectTimeout(), sms.readTimeout());
        this.host = URI.create(properties.endpoint()).getRawAuthority();
    }

    @Override
    public String name() {
        return "tencent";
    }

    @Override
    public SendResult send(String phone, String text, String outId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("PhoneNumberSet", List.of(phone));
        request.put("SmsSdkAppId", properties.sdkAppId());
        request.put("SignName", signName);
        request.put("TemplateId", properties.templateId());
        request.put("TemplateParamSet", List.of(text));
        request.put("SessionContext", outId);
        return ProviderCalls.call(() -> call("SendSms", request), this::sendVerdict);
    }

    private SendResult sendVerdict(String body) {
        JsonNode response = json.readTree(body).path("Response");
        JsonNode error = response.path("Error");
        if (!error.isMissingNode()) {
            String code = error.path("Code").asString("");
            return new SendResult.Failed(code, body, retryable(code));
        }
        JsonNode status = response.path("SendStatusSet").path(0);
        String code = status.path("Code").asString("");
        if (code.equalsIgnoreCase("Ok")) {
            return new SendResult.Accepted(status.path("SerialNo").asString(""), body);
        }
        return new SendResult.Failed(code, body, retryable(code));
    }

    /** Frequency limits and the provider's own trouble may pass; a bad number or a wrong template will not. */
    private static boolean retryable(String code) {
        return code.startsWith("LimitExceeded") || code.startsWith("RequestLimitExceeded")
                || code.startsWith("InternalError");
    }

    @Override
    public Optional<SendResult> statusOf(String phone, String outId) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("BeginTime", now - Duration.ofDays(1).toSeconds());
        request.put("EndTime", now);
        request.put("Offset", 0);
        request.put("Limit", 100);
        request.put("PhoneNumber", phone);
        request.put("SmsSdkAppId", properties.sdkAppId());
        try {
            String body = call("PullSmsSendStatusByPhoneNumber", request);
            for (JsonNode status : json.readTree(body).path("Response").path("PullSmsSendStatusSet")) {
                if (outId.equals(status.path("SessionContext").asString())) {
                    return Optional.of(new SendResult.Accepted(status.path("SerialNo").asString(""), body));
                }
            }
        } catch (RestClientException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private String call(String action, Map<String, Object> request) {
        String payload = json.writeValueAsString(request);
        long timestamp = clock.instant().getEpochSecond();
        return http.post().uri("/")
                .header("Authorization", Tc3Signer.authorization(properties.secretId(), properties.secretKey(),
                        SERVICE, host, timestamp, payload))
                .header("Content-Type", Tc3Signer.CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Region", properties.region())
                .header("X-TC-Timestamp", String.valueOf(timestamp))
                .body(payload)
                .retrieve().body(String.class);
    }
}
