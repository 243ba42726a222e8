package io.keliu.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation around each of Spring Security's filters, each authentication and each authorization, in
 * the gateway and every service: in a JFR of the gateway under bench/security.sh they were the largest cost of a
 * secured request. {@code management.observations.enable.spring.security=false} (in the shared defaults) makes them
 * no-ops, but Spring Security still wrapped every filter in one; with these settings it wraps nothing. Every request is
 * still timed as a whole by {@code http.server.requests}.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class SecurityObservationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
