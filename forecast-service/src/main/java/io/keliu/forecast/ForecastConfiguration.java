package io.keliu.forecast;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ForecastConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
