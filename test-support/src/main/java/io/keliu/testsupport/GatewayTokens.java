package io.keliu.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpServer;
import io.keliu.contracts.v1.GatewayToken;
import io.keliu.contracts.v1.Role;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Tokens as the gateway signs them, for calling a secured service in tests, and the forgeries a service must refuse.
 * The signing key's public half is served as a JWK set on a local port ({@link #jwkSetUri()}), which
 * {@link GatewayTokensInitializer} (part of {@link KeliuIntegrationTest}) points the service at.
 *
 * <pre>{@code
 * HttpRequest.newBuilder(uri).header("Authorization", GatewayTokens.bearer(Role.OPS))
 * }</pre>
 */
public final class GatewayTokens {
    private static final String KEY_ID = "test-gateway-key";
    private static final ECKey GATEWAY_KEY = generate();
    /** Same key id, other key: what an attacker who read the JWK set could sign with. */
    private static final ECKey FORGER_KEY = generate();
    private static final HttpServer JWKS = serve(new JWKSet(GATEWAY_KEY.toPublicJWK()));

    private GatewayTokens() {
    }

    /** {@code "Bearer <token>"} for a caller named test-user with these roles, valid for five minutes. */
    public static String bearer(Role... roles) {
        return "Bearer " + token("test-user", roles);
    }

    public static String token(String subject, Role... roles) {
        return sign(GATEWAY_KEY, subject, Instant.now().plus(GatewayToken.MAX_LIFETIME), roles);
    }

    /** Signed by the gateway's key but expired a minute past the services' clock-skew allowance. */
    public static String expired(Role... roles) {
        return sign(GATEWAY_KEY, "test-user", Instant.now().minus(Duration.ofMinutes(2)), roles);
    }

    /** Signed by the gateway's key, but meant to live a day: no gateway makes those. */
    public static String longLived(Role... roles) {
        return sign(GATEWAY_KEY, "test-user", Instant.now().plus(Duration.ofDays(1)), roles);
    }

    public static String signedByAnotherKey(Role... roles) {
        return sign(FORGER_KEY, "test-user", Instant.now().plus(GatewayToken.MAX_LIFETIME), roles);
    }

    /** An unsigned token ({@code "alg":"none"}) with valid claims. */
    public static String unsigned(Role... roles) {
        return new PlainJWT(new JWTClaimsSet.Builder()
                .issuer(GatewayToken.ISSUER)
                .subject("test-user")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(GatewayToken.MAX_LIFETIME)))
                .claim(GatewayToken.ROLES, names(roles))
                .build()).serialize();
    }

    /**
     * The private signing key as a JWK, for a gateway started outside the test (a benchmark's) that must sign tokens
     * the services verify against {@link #jwkSetUri()} ({@code KELIU_GATEWAY_SIGNING_KEY}).
     */
    public static String signingJwk() {
        return GATEWAY_KEY.toJSONString();
    }

    public static String jwkSetUri() {
        return "http://localhost:" + JWKS.getAddress().getPort() + GatewayToken.JWKS_PATH;
    }

    private static String sign(ECKey key, String subject, Instant expiry, Role... roles) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(GatewayToken.ISSUER)
                .subject(subject)
                .issuedAt(expiry.minus(GatewayToken.MAX_LIFETIME))
                .expiresAt(expiry)
                .claim(GatewayToken.ROLES, names(roles))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(KEY_ID).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static List<String> names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toList();
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(JWKSet keys) {
        byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext(GatewayToken.JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test JWK set", e);
        }
    }
}
