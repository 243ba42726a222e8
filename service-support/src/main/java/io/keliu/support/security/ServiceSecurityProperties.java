package io.keliu.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * @param jwkSetUri  where the gateway publishes its public keys; {@code KELIU_GATEWAY_JWKS_URL}, by default the local
 *                   stack's gateway
 * @param clockSkew how far the gateway's clock may be from this one when checking a token's expiry
 * @param jwkSetKeptFor how long the gateway's public keys are used before they are fetched again (in the background,
 *                      ahead of that time)
 */
@ConfigurationProperties("keliu.security")
public record ServiceSecurityProperties(URI jwkSetUri, Duration clockSkew, Duration jwkSetKeptFor) {
}
