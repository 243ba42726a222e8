package io.keliu.orderanalytics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class OrderAnalyticsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
