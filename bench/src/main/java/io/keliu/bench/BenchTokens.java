package io.keliu.bench;

import io.keliu.contracts.v1.Role;
import io.keliu.testsupport.GatewayTokens;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;

/**
 * Requests to a service as the gateway forwards them: with the gateway's signed token, the same one for a minute as
 * the gateway reuses a caller's (a token lives 5 minutes). The service is started with
 * {@code KELIU_GATEWAY_JWKS_URL=}{@link GatewayTokens#jwkSetUri()}.
 */
final class BenchTokens {
    private static final long REUSE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static String token;
    private static long signedAt;

    private BenchTokens() {
    }

    static HttpRequest.Builder signed(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + current());
    }

    private static synchronized String current() {
        if (token == null || System.nanoTime() - signedAt > REUSE_NANOS) {
            token = GatewayTokens.token("bench", Role.ADMIN);
            signedAt = System.nanoTime();
        }
        return token;
    }
}
