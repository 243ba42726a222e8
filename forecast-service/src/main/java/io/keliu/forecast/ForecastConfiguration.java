package io.keliu.forecast;

import io.keliu.contracts.v1.Role;
import io.keliu.support.security.ServiceAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ForecastConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Reading needs any gateway token; changing (refreshing forecasts, regressors, capacity) needs ADMIN or OPS. */
    @Bean
    ServiceAuthorization changesNeedOps() {
        return ServiceAuthorization.changesNeed(Role.ADMIN, Role.OPS);
    }
}
