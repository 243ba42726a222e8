package io.keliu.support.security;

import io.keliu.contracts.v1.GatewayToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Instant;

/**
 * Verifies the gateway's tokens against its JWK set: ES256 only, our issuer, and no token living longer than 5 min;
 * each token once, until it expires ({@link VerifiedTokens}).
 */
final class GatewayTokenDecoder {

    private GatewayTokenDecoder() {
    }

    static JwtDecoder create(ServiceSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.from(GatewayToken.ALGORITHM))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(GatewayToken.ISSUER),
                // a token without expiry, or one meant to live long, was not made by the gateway
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, expiry -> expiry != null && expiry.isBefore(
                        Instant.now().plus(GatewayToken.MAX_LIFETIME).plus(properties.clockSkew())))));
        return new VerifiedTokens(decoder, Clock.systemUTC());
    }
}
