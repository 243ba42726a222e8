package io.keliu.profile.customers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code keliu.profile.customers}: customers known to the service, read when the gauge is scraped. */
@Component
class CustomerMetrics {
    CustomerMetrics(MeterRegistry meters, JdbcClient jdbc) {
        Gauge.builder("keliu.profile.customers", jdbc,
                        db -> db.sql("SELECT count(*) FROM profiles.customers").query(Long.class).single())
                .description("customers known to profile-service").register(meters);
    }
}
