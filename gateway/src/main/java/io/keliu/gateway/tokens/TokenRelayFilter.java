package io.keliu.gateway.tokens;

import io.keliu.contracts.v1.GatewayToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * What the routes forward instead of the caller's credential: {@code Authorization: Bearer <service token>} for the
 * authenticated caller, and no cookie and no API key at all. Services thus see only the gateway's signature, and the
 * proxy (Spring Cloud Gateway, which copies the request's headers) needs no per-route filter.
 */
public class TokenRelayFilter extends OncePerRequestFilter {
    private final ServiceTokens tokens;

    public TokenRelayFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String authorization = caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()
                ? null : "Bearer " + tokens.tokenFor(callerOf(caller));
        chain.doFilter(new ForwardedHeaders(request, authorization), response);
    }

    static ServiceTokens.Caller callerOf(Authentication caller) {
        List<String> roles = new ArrayList<>();
        for (GrantedAuthority authority : caller.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        }
        roles.sort(null);
        String apiKeyId = caller.getPrincipal() instanceof OAuth2AuthenticatedPrincipal key
                ? key.getAttribute(GatewayToken.API_KEY_ID) : null;
        return new ServiceTokens.Caller(caller.getName(), List.copyOf(roles), apiKeyId);
    }

    /** The request as the proxy reads it: Authorization replaced (or removed), Cookie removed. */
    private static final class ForwardedHeaders extends HttpServletRequestWrapper {
        private final String authorization;

        ForwardedHeaders(HttpServletRequest request, String authorization) {
            super(request);
            this.authorization = authorization;
        }

        @Override
        public String getHeader(String name) {
            if (name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)) {
                return authorization;
            }
            return name.equalsIgnoreCase(HttpHeaders.COOKIE) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)) {
                return authorization == null ? Collections.emptyEnumeration()
                        : Collections.enumeration(List.of(authorization));
            }
            return name.equalsIgnoreCase(HttpHeaders.COOKIE) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
                String name = all.nextElement();
                if (!isReplaced(name)) {
                    names.add(name);
                }
            }
            if (authorization != null) {
                names.add(HttpHeaders.AUTHORIZATION);
            }
            return Collections.enumeration(names);
        }

        private static boolean isReplaced(String name) {
            return name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION) || name.equalsIgnoreCase(HttpHeaders.COOKIE);
        }
    }
}
