package io.keliu.gateway.apikeys;

import io.keliu.contracts.v1.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates keys (the secret leaves this class once and is never stored) and finds the key a request carries. Keys found
 * are remembered for {@link #REMEMBERED_FOR}: an integrator's every request would otherwise cost a query and a
 * database connection, and under load the requests would queue for the pool. Revoking a key forgets it here at once; another
 * gateway instance refuses it within that time.
 */
@Service
public class ApiKeys {
    /** Marks a string as a Keliu key, so that one pasted in a chat or a log search is recognisable. */
    public static final String PREFIX = "keliu_";
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(10);
    /** Only keys that exist are remembered, so this bounds the map whatever callers send. */
    private static final int MAX_REMEMBERED = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private final ApiKeyRepository keys;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public record Created(ApiKey key, String secret) {
    }

    @Transactional
    public Created create(String name, Set<Role> roles, Instant expiresAt, String createdBy) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return create(name, roles, expiresAt, createdBy, PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(random));
    }

    /** Stores a key whose secret was chosen elsewhere (the bootstrap's {@code KELIU_ADMIN_API_KEY}). */
    @Transactional
    public Created create(String name, Set<Role> roles, Instant expiresAt, String createdBy, String secret) {
        ApiKey key = keys.save(new ApiKey(name, hash(secret), roles, createdBy, clock.instant(), expiresAt));
        return new Created(key, secret);
    }

    /**
     * The usable key with this secret: not revoked, not expired. A key remembered and still fresh is read without a
     * lock (every request of an integrator carries the same key, and a lock on its entry made them queue). While one
     * request looks a key up, the others with the same key wait for its answer instead of each querying the database
     * when the remembered key expires.
     */
    public Optional<ApiKey> usable(String secret) {
        Instant now = clock.instant();
        String hash = hash(secret);
        Remembered known = remembered.get(hash);
        if (known == null || !now.isBefore(known.until())) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            known = remembered.compute(hash, (h, old) -> old != null && now.isBefore(old.until()) ? old
                    : keys.findByKeyHash(h).map(key -> new Remembered(key, now.plus(REMEMBERED_FOR))).orElse(null));
        }
        return Optional.ofNullable(known).map(Remembered::key).filter(key -> key.isUsableAt(now));
    }

    /** Forgets a key, so that revoking it takes effect with this gateway's next request. */
    public void forget(ApiKey key) {
        remembered.remove(key.getKeyHash());
    }

    private record Remembered(ApiKey key, Instant until) {
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
