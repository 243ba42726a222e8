package io.keliu.support.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the tokens it has verified, with the caller they stand for, until they expire. The gateway gives a caller
 * the same token for a minute, so most requests carry a token already verified: an ES256 verification is the costliest
 * single step of a service's security chain, and reading the roles out of the claims came next. A token is the signed
 * text itself: the same text verified once is verified. Only verified tokens are kept, and never more than
 * {@value #MAX_REMEMBERED}, so callers cannot grow the map.
 */
final class VerifiedTokens implements AuthenticationProvider {
    private static final int MAX_REMEMBERED = 10_000;

    private final AuthenticationProvider verifier;
    private final Clock clock;
    private final Map<String, JwtAuthenticationToken> verified = new ConcurrentHashMap<>();

    /** @param verifier checks a token's signature and claims and turns it into a {@link JwtAuthenticationToken} */
    VerifiedTokens(AuthenticationProvider verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        BearerTokenAuthenticationToken bearer = (BearerTokenAuthenticationToken) authentication;
        Instant now = clock.instant();
        JwtAuthenticationToken known = verified.get(bearer.getToken());
        if (known != null && known.getToken().getExpiresAt().isAfter(now)) {
            return forThisRequest(known, bearer);
        }
        JwtAuthenticationToken caller = (JwtAuthenticationToken) verifier.authenticate(bearer);
        remember(bearer.getToken(), caller, now);
        return caller;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A request's authentication holds its own details (the caller's address), so each gets its own. */
    private static JwtAuthenticationToken forThisRequest(JwtAuthenticationToken known,
                                                         BearerTokenAuthenticationToken bearer) {
        JwtAuthenticationToken caller = new JwtAuthenticationToken(known.getToken(), known.getAuthorities(),
                known.getName());
        caller.setDetails(bearer.getDetails());
        return caller;
    }

    private void remember(String token, JwtAuthenticationToken caller, Instant now) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(remembered -> !remembered.getToken().getExpiresAt().isAfter(now));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(token, new JwtAuthenticationToken(caller.getToken(), caller.getAuthorities(), caller.getName()));
    }
}
