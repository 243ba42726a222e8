package io.keliu.gateway.users;

import io.keliu.contracts.v1.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A person who logs in. */
@Entity
@Table(name = "users")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Convert(converter = Roles.class)
    @Column(nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private boolean enabled = true;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "created_at")
    private Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();

    protected User() {
    }

    public User(String username, String passwordHash, Set<Role> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        touch();
    }

    public void changeRoles(Set<Role> roles) {
        this.roles = EnumSet.copyOf(roles);
        touch();
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
        touch();
    }

    /** Counts a failed login; the {@code limit}th in a row locks the account until {@code lockedUntil}. */
    public void loginFailed(int limit, Instant lockedUntil) {
        failedLogins++;
        if (failedLogins >= limit) {
            this.lockedUntil = lockedUntil;
            failedLogins = 0;
        }
    }

    public void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    private void touch() {
        updatedAt = Instant.now();
    }
}
