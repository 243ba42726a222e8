package io.keliu.notify.channels.wecom;

import io.keliu.notify.channels.Availability;
import io.keliu.notify.channels.Channel;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Message;
import io.keliu.notify.channels.ProviderCalls;
import io.keliu.notify.channels.ProviderHttp;
import io.keliu.notify.channels.SendResult;
import io.keliu.notify.channels.Utf8;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WeCom application messages to members (the recipient's address is a WeCom user id, or several joined by '|').
 * WeCom's duplicate check is on, so a resend after an unanswered request does not show twice.
 */
@Component
public class WeComAppChannel implements Channel {
    private final RestClient http;
    private final JsonMapper json;
    private final WeComProperties properties;
    private final WeComTokens tokens;

    public WeComAppChannel(WeComProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.http = ProviderHttp.client(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout());
        this.tokens = new WeComTokens(http, json, properties, clock);
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECOM_APP;
    }

    @Override
    public Availability availability() {
        return properties.appConfigured()
                ? Availability.on("agent " + properties.agentId() + " at " + properties.baseUrl())
                : Availability.off("no WeCom application credentials (set KELIU_WECOM_CORP_ID, "
                + "KELIU_WECOM_CORP_SECRET and KELIU_WECOM_AGENT_ID)");
    }

    @Override
    public SendResult send(Message message) {
        if (!properties.appConfigured()) {
            return new SendResult.Failed("OFF", availability().detail(), false);
        }
        try {
            String token = tokens.current();
            SendResult result = post(token, message);
            if (result instanceof SendResult.Failed failed && tokenRejected(failed.code())) {
                // the token was revoked or expired early: fetch a new one and try once more
                tokens.invalidate(token);
                return post(tokens.current(), message);
            }
            return result;
        } catch (WeComTokens.TokenRefused e) {
            return new SendResult.Failed("GETTOKEN", e.answer, true);
        } catch (RestClientException e) {
            return new SendResult.Failed("GETTOKEN", "gettoken failed: " + e.getMessage(), true);
        }
    }

    private static boolean tokenRejected(String code) {
        return code.equals(String.valueOf(WeComAnswers.INVALID_ACCESS_TOKEN))
                || code.equals(String.valueOf(WeComAnswers.ACCESS_TOKEN_EXPIRED));
    }

    private SendResult post(String token, Message message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", message.address());
        body.put("msgtype", "markdown");
        body.put("agentid", properties.agentId());
        body.put("markdown", Map.of("content",
                Utf8.truncate(message.markdown(), WeComRobotChannel.MARKDOWN_LIMIT_BYTES, "\n…")));
        body.put("enable_duplicate_check", 1);
        body.put("duplicate_check_interval", properties.duplicateCheckInterval().toSeconds());
        return ProviderCalls.call(() -> http.post()
                        .uri(uri -> uri.path("/cgi-bin/message/send").queryParam("access_token", token).build())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(json.writeValueAsString(body))
                        .retrieve().body(String.class),
                answer -> WeComAnswers.verdict(json, answer));
    }
}
