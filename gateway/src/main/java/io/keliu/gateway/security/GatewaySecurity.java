package io.keliu.gateway.security;

import io.keliu.contracts.v1.GatewayToken;
import io.keliu.contracts.v1.Role;
import io.keliu.gateway.apikeys.ApiKeyIntrospector;
import io.keliu.gateway.apilog.ApiRequestLog;
import io.keliu.gateway.audit.AuditLog;
import io.keliu.gateway.audit.ImportAudit;
import io.keliu.gateway.dashboard.LoginPage;
import io.keliu.gateway.ratelimit.RateLimitProperties;
import io.keliu.gateway.ratelimit.RateLimits;
import io.keliu.gateway.tokens.ServiceTokens;
import io.keliu.gateway.tokens.TokenRelayFilter;
import io.keliu.support.security.BearerTokens;
import io.keliu.support.security.HeaderFirewall;
import io.keliu.support.security.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;

/**
 * Who may pass the gateway: people with a login session (form login, CSRF-protected) and integrators with an API key
 * ({@code Authorization: Bearer <key>}). What they may do in a service is the service's decision, made on the roles
 * in the token the gateway signs for each forwarded request; the gateway's own administration needs {@code ADMIN}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class GatewaySecurity {
    static final String NO_CREDENTIAL = "Sign in at /login, or send an API key as 'Authorization: Bearer <key>'"
            + " (an administrator creates keys with POST /api/v1/api-keys).";

    private static final String BEARER = "Bearer ";
    private static final RequestMatcher API = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/api/**"),
            PathPatternRequestMatcher.pathPattern("/v3/**"),
            PathPatternRequestMatcher.pathPattern("/actuator/**"));

    @Bean
    HttpFirewall gatewayFirewall() {
        return HeaderFirewall.strict();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The gateway's own filters, one instance each for both chains: the API log samples all requests together and a
     * caller's rate-limit bucket is the same whichever way the caller authenticates.
     */
    record GatewayFilters(ApiRequestLog apiLog, RateLimits rateLimits, TokenRelayFilter tokenRelay,
                          ImportAudit importAudit) {
        HttpSecurity addTo(HttpSecurity http) {
            return http
                    .addFilterBefore(apiLog, DisableEncodeUrlFilter.class)
                    .addFilterAfter(rateLimits, AuthorizationFilter.class)
                    .addFilterAfter(tokenRelay, RateLimits.class)
                    .addFilterAfter(importAudit, TokenRelayFilter.class);
        }
    }

    @Bean
    GatewayFilters gatewayFilters(ServiceTokens tokens, AuditLog audit, RateLimitProperties rateLimits,
                                  KafkaTemplate<String, String> kafka, Clock clock) {
        return new GatewayFilters(new ApiRequestLog(kafka, clock), new RateLimits(rateLimits),
                new TokenRelayFilter(tokens), new ImportAudit(audit));
    }

    /**
     * Requests carrying {@code Authorization: Bearer} (integrators' API keys): authenticated by the key alone, so
     * they need no session, no saved request, no logout and no CSRF token — a browser cannot add that header to a
     * forged cross-site request. The access rules, rate limits, token relay, audit and API log are the same as
     * {@link #gatewayFilterChain}'s.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiKeyFilterChain(HttpSecurity http, ApiKeyIntrospector apiKeys, GatewayFilters filters) {
        ProblemResponses problems = new ProblemResponses(NO_CREDENTIAL);
        return filters.addTo(http.securityMatcher(GatewaySecurity::carriesBearerToken))
                .authorizeHttpRequests(GatewaySecurity::accessRules)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerTokens())
                        .opaqueToken(opaque -> opaque.authenticationManager(withoutEvents(apiKeys)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * An API key's check publishes no authentication event: every request of an integrator is one, and only form
     * logins have listeners (lock-out and audit); publishing cost each request a listener lookup and dispatch.
     */
    private static AuthenticationManager withoutEvents(ApiKeyIntrospector apiKeys) {
        return new ProviderManager(new OpaqueTokenAuthenticationProvider(apiKeys));
    }

    /**
     * People signed in with the form (session cookie, CSRF-protected), and requests with no credential at all; every
     * request with an API key is {@link #apiKeyFilterChain}'s.
     */
    @Bean
    SecurityFilterChain gatewayFilterChain(HttpSecurity http, GatewayFilters filters) {
        ProblemResponses problems = new ProblemResponses(NO_CREDENTIAL);
        return filters.addTo(http)
                .authorizeHttpRequests(GatewaySecurity::accessRules)
                // a forged cross-site request rides on the session cookie: API calls without one cannot be forged so,
                // and get the 401 that tells them to authenticate instead of a 403 for a missing CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getRequestedSessionId() == null
                        && request.getRequestURI().startsWith("/api/")))
                .formLogin(login -> login.loginPage("/login").failureHandler(LoginPage.failureHandler()).permitAll())
                .logout(logout -> logout.permitAll())
                // only a page is worth returning to after signing in; an API call or a script is not (and a program's
                // call must not open a session)
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                // programs get a 401 or 403 problem; browsers opening a page are sent to the login form, and a page
                // their roles do not allow shows the error page
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, API)
                        .defaultAccessDeniedHandlerFor(problems, API)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .build();
    }

    private static void accessRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        // the API first: nearly every request is an API call, and the rules are tried in order (the actuator's
        // endpoint matchers below are many patterns each); nothing under /api/ is public
        requests.requestMatchers("/api/v1/users/**", "/api/v1/api-keys/**", "/api/v1/audit/**")
                .hasRole(Role.ADMIN.name())
                .requestMatchers("/api/**").authenticated()
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                .requestMatchers(GatewayToken.JWKS_PATH, "/v3/api-docs", "/login", "/error").permitAll()
                // the dashboard's scripts, styles and map hold nothing private; the sign-in page needs them
                .requestMatchers("/dashboard/**", "/webjars/**", "/favicon.ico").permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAnyRole(Role.ADMIN.name(), Role.METRICS.name())
                .requestMatchers("/admin/**", "/admin").hasRole(Role.ADMIN.name())
                .anyRequest().authenticated();
    }

    static boolean carriesBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(API)));
        return cache;
    }
}
