package io.keliu.support.security;

import io.keliu.contracts.v1.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import java.util.Arrays;
import java.util.List;

/**
 * A service's own access rules: which roles may call which of its paths. Declare one bean (or several, ordered with
 * {@code @Order}) with rules for the service's own paths, never the actuator's; the shared security configuration
 * applies them first, then its own: anything else under {@code /api/} and every other request need a valid gateway
 * token, health is public, the rest of the actuator needs {@code ADMIN} or {@code METRICS}. Roles are the names of
 * {@link io.keliu.contracts.v1.Role}:
 *
 * <pre>{@code
 * @Bean
 * ServiceAuthorization importRules() {
 *     return requests -> requests
 *             .requestMatchers(HttpMethod.POST, "/api/v1/imports/**").hasAnyRole("ADMIN", "OPS", "INTEGRATOR")
 *             .requestMatchers("/api/v1/ingest/dead-letters/**").hasAnyRole("ADMIN", "OPS");
 * }
 * }</pre>
 *
 * A service without such a bean lets any caller with a valid token reach all its endpoints. A service that lets
 * every role read and only operators change: {@code ServiceAuthorization.changesNeed(Role.ADMIN, Role.OPS)}.
 */
@FunctionalInterface
public interface ServiceAuthorization {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

    /** The common rule: any valid token reads; POST, PUT, PATCH and DELETE under {@code /api/} need one of roles. */
    static ServiceAuthorization changesNeed(Role... roles) {
        String[] names = Arrays.stream(roles).map(Role::name).toArray(String[]::new);
        return requests -> {
            for (HttpMethod change : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                requests.requestMatchers(change, "/api/**").hasAnyRole(names);
            }
        };
    }
}
