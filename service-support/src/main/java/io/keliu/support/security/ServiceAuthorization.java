package io.keliu.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules: which roles may call which of its paths. Declare one bean (or several, ordered with
 * {@code @Order}); the shared security configuration applies them after the actuator rules and before its closing
 * rule that every other request needs a valid gateway token. Roles are the names of
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
 * A service without such a bean lets any caller with a valid token reach all its endpoints.
 */
@FunctionalInterface
public interface ServiceAuthorization {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
