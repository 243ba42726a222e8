package io.keliu.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpServer;
import io.keliu.contracts.v1.GatewayToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** How a service keeps the gateway's public keys: against a real HTTP server that serves them and counts fetches. */
class GatewayKeysTest {
    private static final Duration KEPT_FOR = Duration.ofSeconds(2);

    private final AtomicReference<JWKSet> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer gateway = serveKeys();
    private final JWKSource<SecurityContext> keys = GatewayTokenDecoder.gatewayKeys(new ServiceSecurityProperties(
            URI.create("http://localhost:" + gateway.getAddress().getPort() + GatewayToken.JWKS_PATH),
            Duration.ofSeconds(30), KEPT_FOR));
    private final JwtDecoder decoder = GatewayTokenDecoder.create(keys, new ServiceSecurityProperties(
            null, Duration.ofSeconds(30), KEPT_FOR));

    @AfterEach
    void stop() throws IOException {
        ((Closeable) keys).close();
        gateway.stop(0);
    }

    @Test
    void theKeysAreFetchedAgainBeforeTheyExpireWithoutARequestWaitingForThem() throws Exception {
        ECKey key = key("first");
        served.set(new JWKSet(key.toPublicJWK()));
        assertThat(decoder.decode(signed(key, "caller")).getSubject()).isEqualTo("caller");
        assertThat(fetches).hasValue(1);

        long deadline = System.nanoTime() + 3 * KEPT_FOR.toNanos();
        while (fetches.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(fetches.get()).as("fetched again with no token to check: in the background").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTokenUnderANewKeyOfTheGatewayFetchesTheKeysAtOnce() throws Exception {
        ECKey first = key("first");
        served.set(new JWKSet(first.toPublicJWK()));
        decoder.decode(signed(first, "before"));

        ECKey second = key("second");
        served.set(new JWKSet(second.toPublicJWK()));
        Thread.sleep(KEPT_FOR.toMillis() / 10 * 2);
        assertThat(decoder.decode(signed(second, "after")).getSubject()).isEqualTo("after");
    }

    @Test
    void closingTheKeysStopsTheirRefresh() throws Exception {
        ECKey key = key("first");
        served.set(new JWKSet(key.toPublicJWK()));
        decoder.decode(signed(key, "caller"));
        ((Closeable) keys).close();

        Thread.sleep(2 * KEPT_FOR.toMillis());
        assertThat(fetches).hasValue(1);
    }

    private HttpServer serveKeys() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext(GatewayToken.JWKS_PATH, exchange -> {
                fetches.incrementAndGet();
                byte[] body = served.get().toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey key(String id) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
    }

    private static String signed(ECKey key, String subject) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(GatewayToken.ISSUER).subject(subject)
                .issuedAt(now).expiresAt(now.plus(GatewayToken.MAX_LIFETIME)).build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(key.getKeyID()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
