package io.keliu.gateway.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * @param adminPassword the first admin's password ({@code KELIU_ADMIN_PASSWORD}); empty: a generated one
 * @param adminApiKey   the first admin API key ({@code KELIU_ADMIN_API_KEY}); empty: a generated one
 * @param secretsDir    where the first start writes {@code admin-password} and {@code admin-api-key}, mode 600
 *                      ({@code KELIU_SECRETS_DIR})
 */
@ConfigurationProperties("keliu.bootstrap")
public record BootstrapProperties(String adminPassword, String adminApiKey, Path secretsDir) {
}
