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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns {@code Authorization: Bearer <API key>} into a caller, through Spring Security's bearer-token support. An
 * unknown, revoked or expired key gets the same answer, so that nobody can learn whether a key exists.
 */
@Component
public class ApiKeyIntrospector implements OpaqueTokenIntrospector {
    /** Last use is recorded to the minute: a write per request would cost more than the request. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    /** When this gateway last recorded each key's use; only usable keys get here, so it holds at most every key. */
    private final ConcurrentMap<UUID, Instant> lastUseMarked = new ConcurrentHashMap<>();
    /** The caller each usable key stands for: a key's name and roles never change, so it is built once per key. */
    private final ConcurrentMap<UUID, OAuth2AuthenticatedPrincipal> callers = new ConcurrentHashMap<>();
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
        if (claimLastUseMark(key.getId(), now)) {
            repository.markUsed(key.getId(), now, now.minus(LAST_USE_PRECISION));
        }
        return callers.computeIfAbsent(key.getId(), id -> callerOf(key));
    }

    private static OAuth2AuthenticatedPrincipal callerOf(ApiKey key) {
        return new OAuth2IntrospectionAuthenticatedPrincipal("key:" + key.getId(),
                Map.of(GatewayToken.API_KEY_ID, key.getId().toString(), "name", key.getName()),
                key.getRoles().stream().map(Role::authority).map(SimpleGrantedAuthority::new)
                        .map(authority -> (org.springframework.security.core.GrantedAuthority) authority).toList());
    }

    /**
     * Whether this request records its key's use: the first one a minute after the last record, and only one of the
     * requests that arrive together then (each writing would queue them all for the database).
     */
    private boolean claimLastUseMark(UUID keyId, Instant now) {
        Instant marked = lastUseMarked.get(keyId);
        if (marked != null && !marked.isBefore(now.minus(LAST_USE_PRECISION))) {
            return false;
        }
        return marked == null ? lastUseMarked.putIfAbsent(keyId, now) == null : lastUseMarked.replace(keyId, marked, now);
    }
}
