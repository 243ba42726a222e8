package io.keliu.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final List<String> verifications = new ArrayList<>();
    private final JwtDecoder decoder = token -> {
        verifications.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token).header("alg", "ES256").subject("key:1").claim("scope", "read")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(120)).build();
    };
    private final JwtAuthenticationProvider verifier = new JwtAuthenticationProvider(decoder);

    @Test
    void aTokenIsVerifiedOnceUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        Authentication first = tokens.authenticate(bearer("a", "10.0.0.1"));
        Authentication again = tokens.authenticate(bearer("a", "10.0.0.1"));
        tokens.authenticate(bearer("b", "10.0.0.1"));
        assertThat(verifications).containsExactly("a", "b");
        assertThat(again.getName()).isEqualTo(first.getName()).isEqualTo("key:1");
        assertThat(again.isAuthenticated()).isTrue();
        assertThat(again.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyElementsOf(first.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
                .contains("SCOPE_read");

        VerifiedTokens later = new VerifiedTokens(verifier, Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));
        later.authenticate(bearer("a", "10.0.0.1"));
        later.authenticate(bearer("a", "10.0.0.1"));
        assertThat(verifications).as("an expired token is verified again, and refused there")
                .containsExactly("a", "b", "a", "a");
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.authenticate(bearer("forged", "10.0.0.1")))
                .hasCauseInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.authenticate(bearer("forged", "10.0.0.1")))
                .hasCauseInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void eachRequestKeepsItsOwnDetails() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));
        Authentication first = tokens.authenticate(bearer("a", "10.0.0.1"));
        Authentication second = tokens.authenticate(bearer("a", "10.0.0.2"));
        assertThat(verifications).containsExactly("a");
        assertThat(first.getDetails()).isEqualTo("10.0.0.1");
        assertThat(second.getDetails()).isEqualTo("10.0.0.2");
        assertThat(second).isNotSameAs(first);
    }

    private static BearerTokenAuthenticationToken bearer(String token, String details) {
        BearerTokenAuthenticationToken bearer = new BearerTokenAuthenticationToken(token);
        bearer.setDetails(details);
        return bearer;
    }
}
