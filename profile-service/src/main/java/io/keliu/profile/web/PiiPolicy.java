package io.keliu.profile.web;

import io.keliu.contracts.v1.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Phone, email and address are shown only to callers whose role may see personal data: ADMIN, or a caller granted
 * {@link Role#PII}. Everybody else gets them masked, keeping only the start (a province and city of an address).
 */
@Component
public class PiiPolicy {
    private static final Set<String> SEE_PII = Set.of(Role.ADMIN.authority(), Role.PII.authority());
    private static final int KEPT = 6;

    public boolean callerMaySee() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(SEE_PII::contains);
    }

    /** The value, or its first characters followed by ***. */
    public String show(String value) {
        if (value == null || callerMaySee()) {
            return value;
        }
        return value.codePointCount(0, value.length()) <= KEPT ? "***"
                : value.substring(0, value.offsetByCodePoints(0, KEPT)) + "***";
    }
}
