package io.keliu.notify.channels.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Which SMS provider sends, and its endpoint and credentials. Both providers send only templates approved in their
 * console: register one whose whole text is its single variable ({@code ${text}} at Aliyun, {@code {1}} at Tencent
 * Cloud) under the signature {@code signName}.
 *
 * @param provider {@code aliyun}, {@code tencent} or {@code none}
 */
@ConfigurationProperties("keliu.notify.sms")
public record SmsProperties(String provider, String signName, Aliyun aliyun, Tencent tencent,
                            Duration connectTimeout, Duration readTimeout) {
    public SmsProperties {
        provider = provider == null || provider.isBlank() ? "none" : provider.trim().toLowerCase(java.util.Locale.ROOT);
        signName = signName == null || signName.isBlank() ? "科流" : signName;
        aliyun = aliyun == null ? new Aliyun(null, null, null, null) : aliyun;
        tencent = tencent == null ? new Tencent(null, null, null, null, null, null) : tencent;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }

    /** @param endpoint {@code https://dysmsapi.aliyuncs.com} unless pointed elsewhere */
    public record Aliyun(String endpoint, String accessKeyId, String accessKeySecret, String templateCode) {
        public Aliyun {
            endpoint = endpoint == null || endpoint.isBlank() ? "https://dysmsapi.aliyuncs.com" : endpoint;
        }

        boolean configured() {
            return present(accessKeyId) && present(accessKeySecret) && present(templateCode);
        }
    }

    /** @param endpoint {@code https://sms.tencentcloudapi.com} unless pointed elsewhere */
    public record Tencent(String endpoint, String secretId, String secretKey, String region, String sdkAppId,
                          String templateId) {
        public Tencent {
            endpoint = endpoint == null || endpoint.isBlank() ? "https://sms.tencentcloudapi.com" : endpoint;
            region = region == null || region.isBlank() ? "ap-guangzhou" : region;
        }

        boolean configured() {
            return present(secretId) && present(secretKey) && present(sdkAppId) && present(templateId);
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
