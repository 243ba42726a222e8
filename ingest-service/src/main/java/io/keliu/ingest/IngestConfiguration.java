package io.keliu.ingest;

import io.keliu.contracts.v1.Timestamps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
