package io.keliu.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

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
    private final JwtDecoder verifier = token -> {
        verifications.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token).header("alg", "ES256").subject("key:1")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(120)).build();
    };

    @Test
    void aTokenIsVerifiedOnceUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        assertThat(tokens.decode("a").getSubject()).isEqualTo("key:1");
        assertThat(tokens.decode("a").getSubject()).isEqualTo("key:1");
        tokens.decode("b");
        assertThat(verifications).containsExactly("a", "b");

        VerifiedTokens later = new VerifiedTokens(verifier, Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));
        later.decode("a");
        later.decode("a");
        assertThat(verifications).as("an expired token is verified again, and refused there")
                .containsExactly("a", "b", "a", "a");
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("forged", "forged");
    }
}
