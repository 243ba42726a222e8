package io.keliu.gateway.apikeys;

import io.keliu.contracts.v1.Role;
import io.keliu.gateway.users.Roles;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** An integrator's key. Only its hash is stored: the key itself is shown once, when it is created. */
@Entity
@Table(name = "api_keys")
public class ApiKey {
    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Column(name = "key_hash", nullable = false, unique = true)
    private String keyHash;
    @Convert(converter = Roles.class)
    @Column(nullable = false)
    private Set<Role> roles;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKey() {
    }

    public ApiKey(String name, String keyHash, Set<Role> roles, String createdBy, Instant createdAt,
                  Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.keyHash = keyHash;
        this.roles = EnumSet.copyOf(roles);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    String getKeyHash() {
        return keyHash;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
