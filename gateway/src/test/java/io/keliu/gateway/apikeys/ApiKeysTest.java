package io.keliu.gateway.apikeys;

import io.keliu.contracts.v1.Role;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the remembered keys may not accept: a key revoked elsewhere (another gateway instance, straight in the
 * database) after {@link ApiKeys#REMEMBERED_FOR}, a key revoked here at once, an expired key ever. The database is a
 * stand-in answering {@code findByKeyHash} with a fresh copy of the stored row, as JPA does outside a transaction.
 */
class ApiKeysTest {
    private static final String SECRET = "keliu_remembered-key-test";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final AtomicReference<Instant> revokedAt = new AtomicReference<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private Instant expiresAt = NOW.plusSeconds(3600);
    private Instant now = NOW;
    private final ApiKeys keys = new ApiKeys(database(), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aKeyRevokedByAnotherInstanceIsRefusedOnceItsRememberedEntryRunsOut() {
        assertThat(keys.usable(SECRET)).isPresent();
        assertThat(keys.usable(SECRET)).isPresent();
        assertThat(lookups).as("the second request used the remembered key").hasValue(1);

        revokedAt.set(now);
        now = NOW.plus(ApiKeys.REMEMBERED_FOR).minusMillis(1);
        assertThat(keys.usable(SECRET)).as("still remembered").isPresent();
        now = NOW.plus(ApiKeys.REMEMBERED_FOR);
        assertThat(keys.usable(SECRET)).isEmpty();
        assertThat(keys.usable(SECRET)).isEmpty();
    }

    @Test
    void aKeyRevokedHereIsForgottenAtOnce() {
        ApiKey key = keys.usable(SECRET).orElseThrow();
        revokedAt.set(now);
        keys.forget(key);
        assertThat(keys.usable(SECRET)).isEmpty();
    }

    @Test
    void aRememberedKeyIsRefusedTheMomentItExpires() {
        expiresAt = NOW.plusSeconds(5);
        assertThat(keys.usable(SECRET)).isPresent();
        now = NOW.plusSeconds(5);
        assertThat(keys.usable(SECRET)).isEmpty();
        assertThat(lookups).as("refused from the remembered entry").hasValue(1);
    }

    @Test
    void anUnknownKeyIsNeverRemembered() {
        assertThat(keys.usable("keliu_never-issued")).isEmpty();
        assertThat(keys.usable("keliu_never-issued")).isEmpty();
        assertThat(lookups).hasValue(2);
    }

    private ApiKeyRepository database() {
        return (ApiKeyRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ApiKeyRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("findByKeyHash")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    lookups.incrementAndGet();
                    if (!args[0].equals(ApiKeys.hash(SECRET))) {
                        return Optional.empty();
                    }
                    ApiKey row = new ApiKey("erp", ApiKeys.hash(SECRET), Set.of(Role.INTEGRATOR), "admin", NOW,
                            expiresAt);
                    if (revokedAt.get() != null) {
                        row.revoke(revokedAt.get());
                    }
                    return Optional.of(row);
                });
    }
}
