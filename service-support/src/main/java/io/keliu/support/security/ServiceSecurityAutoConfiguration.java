package io.keliu.support.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.keliu.contracts.v1.GatewayToken;
import io.keliu.contracts.v1.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;

import java.time.Clock;

/**
 * A back-end service trusts only the gateway: every request needs the gateway's signed JWT (roles in its
 * {@value GatewayToken#ROLES} claim become {@code ROLE_*} authorities), except the anonymous health status. Actuator
 * details, metrics and Prometheus need {@code ADMIN} or {@code METRICS}. The service adds its per-path role rules
 * with a {@link ServiceAuthorization} bean.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
// an application with its own chain (the gateway) makes its own decisions
@ConditionalOnMissingBean(SecurityFilterChain.class)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
@EnableWebSecurity
public class ServiceSecurityAutoConfiguration {
    static final String NO_TOKEN = "This service accepts only requests forwarded by the Keliu gateway: call the"
            + " gateway with your API key (Authorization: Bearer <key>) or a login session.";

    /** A bean of its own, so that the context closes it (and its refresh threads) when it stops. */
    @Bean
    JWKSource<SecurityContext> gatewayKeys(ServiceSecurityProperties properties) {
        return GatewayTokenDecoder.gatewayKeys(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder gatewayTokenDecoder(JWKSource<SecurityContext> gatewayKeys, ServiceSecurityProperties properties) {
        return GatewayTokenDecoder.create(gatewayKeys, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    HttpFirewall serviceFirewall() {
        return HeaderFirewall.strict();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter gatewayRolesConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(GatewayToken.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /**
     * Each token verified once until it expires ({@link VerifiedTokens}). A token's check publishes no authentication
     * event: every request is one, and no service listens (the gateway audits sign-ins); publishing cost each request
     * a listener lookup and dispatch.
     */
    private static AuthenticationManager gatewayTokens(JwtDecoder decoder, JwtAuthenticationConverter converter) {
        JwtAuthenticationProvider verifier = new JwtAuthenticationProvider(decoder);
        verifier.setJwtAuthenticationConverter(converter);
        return new ProviderManager(new VerifiedTokens(verifier, Clock.systemUTC()));
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder, JwtAuthenticationConverter converter,
                                        ObjectProvider<ServiceAuthorization> serviceRules) {
        ProblemResponses problems = new ProblemResponses(NO_TOKEN);
        return http
                // no cookies, no sessions: a forged cross-site request carries no token, so CSRF does not apply
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // nobody signs in to a service, so nobody signs out of one
                .logout(AbstractHttpConfigurer::disable)
                // the gateway writes the browser-facing headers (nosniff, frame options, cache control) onto every
                // answer it passes on; here they cost each request a response wrapper that every write went through
                .headers(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> {
                    // the request dispatch was authorised; its async (SSE) and error dispatches follow it
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    // the API before the actuator: nearly every request is an API call, rules are tried in order, and
                    // each actuator rule is many patterns; no service rule is about the actuator's paths
                    serviceRules.orderedStream().forEach(rules -> rules.authorize(requests));
                    requests.requestMatchers("/api/**").authenticated()
                            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers(EndpointRequest.toAnyEndpoint())
                            .hasAnyRole(Role.ADMIN.name(), Role.METRICS.name())
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.authenticationManager(gatewayTokens(decoder, converter)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
