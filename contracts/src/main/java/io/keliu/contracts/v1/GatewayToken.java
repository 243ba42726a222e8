package io.keliu.contracts.v1;

import java.time.Duration;

/**
 * The short-lived JWT the gateway signs for every request it forwards, and the only credential a service accepts:
 * signed with ES256 under a key of the gateway's JWK set (the {@code kid} header names it), issued by {@link #ISSUER},
 * living at most {@link #MAX_LIFETIME}.
 */
public final class GatewayToken {
    public static final String ISSUER = "keliu-gateway";
    public static final String ALGORITHM = "ES256";
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** Claim with the caller's {@link Role} names, e.g. {@code ["OPS"]}. */
    public static final String ROLES = "roles";
    /** Claim naming the API key the caller used, absent for people logged in. */
    public static final String API_KEY_ID = "api_key_id";
    /** Path of the gateway's JWK set (public keys only). */
    public static final String JWKS_PATH = "/oauth2/jwks";

    private GatewayToken() {
    }
}
