package io.keliu.notify.channels.wecom;

import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The application's access token, fetched with {@code gettoken} and kept until shortly before it expires (WeCom
 * limits how often it may be fetched, so it must not be asked for per message).
 */
class WeComTokens {
    /** Renew a little early, so that a token never expires between reading and using it. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final RestClient http;
    private final JsonMapper json;
    private final WeComProperties properties;
    private final Clock clock;
    private String token;
    private Instant validUntil = Instant.MIN;

    WeComTokens(RestClient http, JsonMapper json, WeComProperties properties, Clock clock) {
        this.http = http;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    synchronized String current() {
        if (token == null || !clock.instant().isBefore(validUntil)) {
            fetch();
        }
        return token;
    }

    /** Forgets the token WeCom has just called invalid; the next {@link #current()} fetches a new one. */
    synchronized void invalidate(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() {
        String body = http.get()
                .uri(uri -> uri.path("/cgi-bin/gettoken")
                        .queryParam("corpid", properties.corpId())
                        .queryParam("corpsecret", properties.corpSecret()).build())
                .retrieve().body(String.class);
        JsonNode answer = json.readTree(body);
        if (answer.path("errcode").asInt(-1) != 0) {
            throw new TokenRefused(body);
        }
        token = answer.path("access_token").asString();
        validUntil = clock.instant().plusSeconds(answer.path("expires_in").asLong(7200)).minus(MARGIN);
    }

    /** WeCom did not hand out a token (wrong corp id or secret, usually). */
    static final class TokenRefused extends RuntimeException {
        final String answer;

        TokenRefused(String answer) {
            super("WeCom gettoken refused: " + answer);
            this.answer = answer;
        }
    }
}
