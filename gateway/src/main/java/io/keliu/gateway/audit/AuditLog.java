package io.keliu.gateway.audit;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;

/** Writes who did what, when and from where. Never a password or a key: callers pass names and ids only. */
@Service
public class AuditLog {
    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** By the caller of the current request. */
    public void record(AuditAction action, String detail) {
        record(currentActor(), action, detail);
    }

    /** Kept even when the caller's transaction rolls back: a failed attempt is worth recording too. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, AuditAction action, String detail) {
        entries.save(new AuditEntry(clock.instant(), actor, remoteAddress(), action, detail));
    }

    private static String currentActor() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || caller instanceof AnonymousAuthenticationToken ? "anonymous" : caller.getName();
    }

    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
