package io.keliu.support.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.keliu.contracts.v1.GatewayToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.MalformedURLException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Verifies the gateway's tokens against its JWK set: ES256 only, our issuer, and no token living longer than 5 min.
 */
final class GatewayTokenDecoder {

    private GatewayTokenDecoder() {
    }

    static JwtDecoder create(JWKSource<SecurityContext> gatewayKeys, ServiceSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(gatewayKeys)
                .jwsAlgorithm(SignatureAlgorithm.from(GatewayToken.ALGORITHM))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(GatewayToken.ISSUER),
                // a token without expiry, or one meant to live long, was not made by the gateway
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, expiry -> expiry != null && expiry.isBefore(
                        Instant.now().plus(GatewayToken.MAX_LIFETIME).plus(properties.clockSkew())))));
        return decoder;
    }

    /**
     * The gateway's public keys, kept for {@code keliu.security.jwk-set-kept-for} and fetched again on a thread of
     * their own before they expire. Left to expire, the set was fetched again on the thread of the first request after
     * it, which waited for the gateway's answer. A token with a key id not in the set fetches it at once (the gateway
     * changed its key), at most twice per tenth of that time. Closing the source stops its threads.
     */
    static JWKSource<SecurityContext> gatewayKeys(ServiceSecurityProperties properties) {
        long keptFor = properties.jwkSetKeptFor().toMillis();
        try {
            return JWKSourceBuilder.<SecurityContext>create(properties.jwkSetUri().toURL())
                    .cache(keptFor, keptFor / 20)
                    .refreshAheadCache(keptFor / 5, null, Executors.newSingleThreadExecutor(refreshThreads()), true,
                            Executors.newSingleThreadScheduledExecutor(refreshThreads()), true)
                    .rateLimited(keptFor / 10)
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("keliu.security.jwk-set-uri is not a URL: " + properties.jwkSetUri(), e);
        }
    }

    private static ThreadFactory refreshThreads() {
        return Thread.ofPlatform().name("gateway-keys-refresh").daemon().factory();
    }
}
