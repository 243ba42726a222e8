package io.keliu.support.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens it has verified until they expire. The gateway gives a caller the same token for a minute, so
 * most requests carry a token already verified, and an ES256 verification is the costliest single step of a
 * service's security chain. A token is the signed text itself: the same text verified once is verified. Only verified tokens are kept,
 * and never more than {@value #MAX_REMEMBERED}, so callers cannot grow the map.
 */
final class VerifiedTokens implements JwtDecoder {
    private static final int MAX_REMEMBERED = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null && known.getExpiresAt().isAfter(now)) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(remembered -> !remembered.getExpiresAt().isAfter(now));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
        return jwt;
    }
}
