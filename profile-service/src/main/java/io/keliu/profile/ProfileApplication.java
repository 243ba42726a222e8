package io.keliu.profile;

import io.keliu.contracts.v1.Role;
import io.keliu.support.security.ServiceAuthorization;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ProfileApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProfileApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Reading needs any gateway token (personal data masked unless ADMIN: PiiPolicy), except a segment's audience
     * (its customer list and CSV export), which is marketing's: MARKETER or ADMIN. Refits need ADMIN or OPS.
     */
    @Bean
    ServiceAuthorization profileAccess() {
        ServiceAuthorization changes = ServiceAuthorization.changesNeed(Role.ADMIN, Role.OPS);
        return requests -> {
            requests.requestMatchers(HttpMethod.GET, "/api/v1/segments/*/customers")
                    .hasAnyRole(Role.ADMIN.name(), Role.MARKETER.name());
            changes.authorize(requests);
        };
    }
}
