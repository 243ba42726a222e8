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
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.stream.Collectors;

/** A WeCom group robot: markdown messages posted to its webhook, the recipient's address being the webhook key. */
@Component
public class WeComRobotChannel implements Channel {
    /** WeCom refuses robot markdown over 4,096 bytes of UTF-8. */
    public static final int MARKDOWN_LIMIT_BYTES = 4096;
    private static final String TRUNCATED = "\n…";

    private final RestClient http;
    private final JsonMapper json;
    private final WeComProperties properties;

    public WeComRobotChannel(WeComProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = ProviderHttp.client(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECOM_ROBOT;
    }

    @Override
    public Availability availability() {
        return Availability.on("webhook keys come with each subscription; robots at " + properties.baseUrl());
    }

    @Override
    public SendResult send(Message message) {
        Map<String, Object> body = Map.of("msgtype", "markdown", "markdown", Map.of("content", content(message)));
        return ProviderCalls.call(() -> http.post()
                        .uri(uri -> uri.path("/cgi-bin/webhook/send").queryParam("key", message.address()).build())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(json.writeValueAsString(body))
                        .retrieve().body(String.class),
                answer -> WeComAnswers.verdict(json, answer));
    }

    /** The markdown with its @mentions, cut to WeCom's limit without breaking a character (mentions kept). */
    static String content(Message message) {
        String mentions = message.mentions().stream().map(id -> "<@" + id + ">").collect(Collectors.joining(" "));
        String tail = mentions.isEmpty() ? "" : "\n" + mentions;
        return Utf8.truncate(message.markdown(), MARKDOWN_LIMIT_BYTES - Utf8.length(tail), TRUNCATED) + tail;
    }
}
