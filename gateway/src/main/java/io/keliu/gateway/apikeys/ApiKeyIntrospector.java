package io.keliu.gateway.apikeys;

import io.keliu.contracts.v1.GatewayToken;
import io.keliu.contracts.v1.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Turns {@code Authorization: Bearer <API key>} into a caller, through Spring Security's bearer-token support. An
 * unknown, revoked or expired key gets the same answer, so that nobody can learn whether a key exists.
 */
@Component
public class ApiKeyIntrospector implements OpaqueTokenIntrospector {
    /** Last use is recorded to the minute: a write per request would cost more than the request. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final ApiKeys apiKeys;
    private final ApiKeyRepository repository;
    private final Clock clock;

    public ApiKeyIntrospector(ApiKeys apiKeys, ApiKeyRepository repository, Clock clock) {
        this.apiKeys = apiKeys;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        ApiKey key = apiKeys.usable(token).orElseThrow(() -> new BadOpaqueTokenException("unknown or unusable key"));
        Instant now = clock.instant();
        if (key.getLastUsedAt() == null || key.getLastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
            repository.markUsed(key.getId(), now, now.minus(LAST_USE_PRECISION));
            key.noteUse(now);
        }
        return new OAuth2IntrospectionAuthenticatedPrincipal("key:" + key.getId(),
                Map.of(GatewayToken.API_KEY_ID, key.getId().toString(), "name", key.getName()),
                key.getRoles().stream().map(Role::authority).map(SimpleGrantedAuthority::new)
                        .map(authority -> (org.springframework.security.core.GrantedAuthority) authority).toList());
    }
}
