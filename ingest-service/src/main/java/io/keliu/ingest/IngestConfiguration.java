package io.keliu.ingest;

import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.support.security.ServiceAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Timestamps timestamps(PlatformProperties properties) {
        return new Timestamps(properties.zone());
    }

    /** Who may do what here; every other path needs any valid gateway token. */
    @Bean
    ServiceAuthorization ingestAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/imports/**")
                .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.INTEGRATOR.name())
                // rejected records carry raw customer data
                .requestMatchers("/api/v1/ingest/dead-letters/**").hasAnyRole(Role.ADMIN.name(), Role.OPS.name())
                // raw order lines with customers and addresses: no MARKETER (no raw PII export unless granted)
                .requestMatchers("/api/v1/ingest/export/**")
                .hasAnyRole(Role.ADMIN.name(), Role.OPS.name(), Role.INTEGRATOR.name());
    }
}
