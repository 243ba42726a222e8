package io.keliu.notify.channels.wecom;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * WeCom (企业微信) endpoints and the application's credentials. The group robot needs no credential of ours (each
 * subscription brings its webhook key); application messages need the corp id, the app's secret and its agent id.
 *
 * @param baseUrl                the API's address, {@code https://qyapi.weixin.qq.com} (a local stub in tests)
 * @param duplicateCheckInterval how long WeCom drops a repeated application message (its enable_duplicate_check)
 */
@ConfigurationProperties("keliu.notify.wecom")
public record WeComProperties(String baseUrl, String corpId, String corpSecret, Integer agentId,
                              Duration duplicateCheckInterval, Duration connectTimeout, Duration readTimeout) {
    public WeComProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://qyapi.weixin.qq.com" : baseUrl;
        duplicateCheckInterval = duplicateCheckInterval == null ? Duration.ofMinutes(30) : duplicateCheckInterval;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }

    public boolean appConfigured() {
        return corpId != null && !corpId.isBlank() && corpSecret != null && !corpSecret.isBlank() && agentId != null;
    }
}
