package io.keliu.gateway.users;

import io.keliu.gateway.audit.AuditAction;
import io.keliu.gateway.audit.AuditLog;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Locks an account after {@code attempts} wrong passwords in a row, for {@code duration}, so that guessing gets
 * nowhere; and audits every login attempt by user name (never the password typed).
 */
@Component
class LoginLockout {
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final Settings settings;
    private final TransactionOperations transactions;

    LoginLockout(UserRepository users, AuditLog audit, Clock clock, Settings settings,
                 TransactionOperations transactions) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.transactions = transactions;
    }

    /**
     * @param attempts wrong passwords in a row that lock an account
     * @param duration how long it stays locked
     */
    @ConfigurationProperties("keliu.login.lockout")
    record Settings(int attempts, Duration duration) {
    }

    @EventListener
    @Transactional
    public void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String username = event.getAuthentication().getName();
        audit.record(username, AuditAction.LOGIN_FAILED, "wrong user name or password");
        Instant now = clock.instant();
        users.findByUsername(username).ifPresent(user -> {
            user.loginFailed(settings.attempts(), now.plus(settings.duration()));
            if (user.isLockedAt(now)) {
                audit.record(username, AuditAction.LOGIN_LOCKED_OUT, "locked for " + settings.duration().toMinutes()
                        + " min after " + settings.attempts() + " wrong passwords");
            }
        });
    }

    @EventListener
    public void onLockedAccount(AuthenticationFailureLockedEvent event) {
        audit.record(event.getAuthentication().getName(), AuditAction.LOGIN_FAILED, "account locked");
    }

    /**
     * Form logins only: every API-key request is an authentication success too, and must open no transaction (nor
     * evaluate an expression: a SpEL condition here cost each of them more than the key's lookup).
     */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String username = event.getAuthentication().getName();
        transactions.executeWithoutResult(status -> {
            users.findByUsername(username).ifPresent(User::loginSucceeded);
            audit.record(username, AuditAction.LOGIN_SUCCEEDED, "form login");
        });
    }
}
