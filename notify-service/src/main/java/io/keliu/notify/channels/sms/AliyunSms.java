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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Aliyun SMS (dysmsapi 2017-05-25): SendSms and QuerySendDetails, RPC style, signed with ACS3-HMAC-SHA256. */
class AliyunSms implements SmsProvider {
    private static final String VERSION = "2017-05-25";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Codes that may pass later: flow control and the provider's own trouble. */
    private static final Set<String> RETRYABLE = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isp.SYSTEM_ERROR",
            "Throttling", "Throttling.User", "isv.DAY_LIMIT_CONTROL");

    private final SmsProperties.Aliyun properties;
    private final String signName;
    private final JsonMapper json;
    private final Clock clock;
    private final RestClient http;
    private final String host;

    AliyunSms(SmsProperties sms, JsonMapper json, Clock clock) {
        this.properties = sms.aliyun();
        this.signName = sms.signName();
        this.json = json;
        this.clock = clock;
        this.http = ProviderHttp.client(properties.endpoint(), sms.connectTimeout(), sms.readTimeout());
        this.host = URI.create(properties.endpoint()).getRawAuthority();
    }

    @Override
    public String name() {
        return "aliyun";
    }

    @Override
    public SendResult send(String phone, String text, String outId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("PhoneNumbers", aliyunNumber(phone));
        query.put("SignName", signName);
        query.put("TemplateCode", properties.templateCode());
        query.put("TemplateParam", json.writeValueAsString(Map.of("text", text)));
        query.put("OutId", outId);
        return ProviderCalls.call(() -> call("SendSms", query), this::sendVerdict);
    }

    private SendResult sendVerdict(String body) {
        JsonNode answer = json.readTree(body);
        String code = answer.path("Code").asString("");
        if (code.equals("OK")) {
            return new SendResult.Accepted(answer.path("BizId").asString(""), body);
        }
        return new SendResult.Failed(code, body, RETRYABLE.contains(code));
    }

    @Override
    public Optional<SendResult> statusOf(String phone, String outId) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        for (LocalDate day : new LocalDate[] {today, today.minusDays(1)}) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("PhoneNumber", aliyunNumber(phone));
            query.put("SendDate", day.format(DateTimeFormatter.BASIC_ISO_DATE));
            query.put("PageSize", "50");
            query.put("CurrentPage", "1");
            try {
                String body = call("QuerySendDetails", query);
                for (JsonNode detail : json.readTree(body).path("SmsSendDetailDTOs").path("SmsSendDetailDTO")) {
                    if (outId.equals(detail.path("OutId").asString())) {
                        return Optional.of(new SendResult.Accepted("", body));
                    }
                }
            } catch (RestClientException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String call(String action, Map<String, String> query) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", VERSION);
        headers.put("x-acs-date", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
        Map<String, String> signed = Acs3Signer.sign("POST", "/", query, headers, "",
                properties.accessKeyId(), properties.accessKeySecret());
        // the query string sent must be exactly the one signed, so it is built by hand and not re-encoded
        URI uri = URI.create(properties.endpoint() + "/?" + Acs3Signer.canonicalQuery(query));
        return http.post().uri(uri)
                .headers(sent -> signed.forEach((name, value) -> {
                    if (!name.equals("host")) {
                        sent.set(name, value);
                    }
                }))
                .retrieve().body(String.class);
    }

    /** Aliyun takes mainland numbers bare and others with their country code, without '+'. */
    static String aliyunNumber(String e164) {
        return e164.startsWith("+86") ? e164.substring(3) : e164.substring(1);
    }
}
