package io.keliu.notify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class NotifyConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
