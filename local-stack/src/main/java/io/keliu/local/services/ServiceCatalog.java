package io.keliu.local.services;

import io.keliu.local.StackPorts;
import io.keliu.local.postgres.LocalPostgres;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The services of the platform, in start-up order (the gateway last: it is the one users reach). */
public final class ServiceCatalog {
    private static final String ZONE = "Asia/Shanghai";

    private ServiceCatalog() {
    }

    public static List<ServiceSpec> services(StackPorts ports) {
        Map<String, String> platform = platformEnvironment(ports);
        return List.of(
                new ServiceSpec("ingest-service", ports.ingest(), platform),
                new ServiceSpec("profile-service", ports.profile(), platform),
                new ServiceSpec("forecast-service", ports.forecast(), platform),
                new ServiceSpec("order-analytics-service", ports.orderAnalytics(), platform),
                new ServiceSpec("gateway", ports.gateway(), Map.of(
                        "KELIU_INGEST_URL", "http://localhost:" + ports.ingest(),
                        "KELIU_PROFILE_URL", "http://localhost:" + ports.profile(),
                        "KELIU_FORECAST_URL", "http://localhost:" + ports.forecast(),
                        "KELIU_ORDER_ANALYTICS_URL", "http://localhost:" + ports.orderAnalytics())));
    }

    /** What every back-end service needs: the database, the broker and the zone of timestamps without offset. */
    private static Map<String, String> platformEnvironment(StackPorts ports) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KELIU_DB_URL", LocalPostgres.jdbcUrl(ports.postgres()));
        environment.put("KELIU_DB_USER", LocalPostgres.USER);
        environment.put("KELIU_DB_PASSWORD", LocalPostgres.PASSWORD);
        environment.put("KELIU_KAFKA_BOOTSTRAP", "localhost:" + ports.kafka());
        environment.put("KELIU_ZONE", ZONE);
        return Map.copyOf(environment);
    }
}
