package io.keliu.notify.channels.wecom;

import io.keliu.notify.channels.SendResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

/** Reads WeCom's {@code {"errcode":…,"errmsg":…}} answers. */
final class WeComAnswers {
    static final int INVALID_ACCESS_TOKEN = 40014;
    static final int ACCESS_TOKEN_EXPIRED = 42001;
    /** Errors that no resend can fix: an invalid or removed webhook, a malformed message. */
    private static final Set<Integer> PERMANENT = Set.of(93000, 93004, 40008, 44004, 40058, 82001, 81013);

    private WeComAnswers() {
    }

    static int errcode(JsonMapper json, String body) {
        JsonNode node = json.readTree(body);
        return node.path("errcode").asInt(-1);
    }

    static SendResult verdict(JsonMapper json, String body) {
        JsonNode node = json.readTree(body);
        int errcode = node.path("errcode").asInt(-1);
        if (errcode == 0) {
            return new SendResult.Accepted(node.path("msgid").asString(""), body);
        }
        // 45009 (rate limit), -1 (busy) and the unknown: worth another try later
        return new SendResult.Failed(String.valueOf(errcode), body, !PERMANENT.contains(errcode));
    }
}
