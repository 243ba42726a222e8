package io.keliu.notify;

import io.keliu.contracts.v1.Role;
import io.keliu.support.security.ServiceAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class NotifyConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Reading needs any gateway token; changing subscriptions, silences and retries needs ADMIN, OPS or MARKETER. */
    @Bean
    ServiceAuthorization changesNeedAlertRoles() {
        return ServiceAuthorization.changesNeed(Role.ADMIN, Role.OPS, Role.MARKETER);
    }
}
