package io.keliu.gateway.tokens;

import io.keliu.contracts.v1.GatewayToken;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param signingKey a private EC P-256 JWK to sign with ({@code KELIU_GATEWAY_SIGNING_KEY}); empty: a key kept in the
 *                   gateway's schema
 * @param lifetime   how long a service token is valid, at most {@link GatewayToken#MAX_LIFETIME}
 */
@ConfigurationProperties("keliu.tokens")
public record TokenProperties(String signingKey, Duration lifetime) {

    public TokenProperties {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(GatewayToken.MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("keliu.tokens.lifetime must be above zero and at most "
                    + GatewayToken.MAX_LIFETIME.toMinutes() + " minutes; it is " + lifetime);
        }
    }
}
