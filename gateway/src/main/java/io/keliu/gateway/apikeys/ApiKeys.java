package io.keliu.gateway.apikeys;

import io.keliu.contracts.v1.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/** Creates keys (the secret leaves this class once and is never stored) and finds the key a request carries. */
@Service
public class ApiKeys {
    /** Marks a string as a Keliu key, so that one pasted in a chat or a log search is recognisable. */
    public static final String PREFIX = "keliu_";
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** The usable key with this secret: not revoked, not expired. */
    public Optional<ApiKey> usable(String secret) {
        Instant now = clock.instant();
        return keys.findByKeyHash(hash(secret)).filter(key -> key.isUsableAt(now));
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
