package io.keliu.notify.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param secretKey base64 of 32 random bytes (KELIU_NOTIFY_SECRET_KEY; {@code openssl rand -base64 32} makes one) */
@ConfigurationProperties("keliu.notify")
public record SecretProperties(String secretKey) {
}
