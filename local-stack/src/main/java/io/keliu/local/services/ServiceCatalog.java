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

    /** @param notifySecretKey the key notify-service encrypts recipients with (kept in the data directory) */
    public static List<ServiceSpec> services(StackPorts ports, String notifySecretKey) {
        Map<String, String> platform = platformEnvironment(ports);
        return List.of(
                new ServiceSpec("ingest-service", ports.ingest(), platform),
                new ServiceSpec("profile-service", ports.profile(), platform),
                new ServiceSpec("forecast-service", ports.forecast(), platform),
                new ServiceSpec("order-analytics-service", ports.orderAnalytics(), platform),
                new ServiceSpec("notify-service", ports.notifyService(), notifyEnvironment(ports, platform, notifySecretKey)),
                new ServiceSpec("gateway", ports.gateway(), Map.of(
                        "KELIU_INGEST_URL", "http://localhost:" + ports.ingest(),
                        "KELIU_PROFILE_URL", "http://localhost:" + ports.profile(),
                        "KELIU_FORECAST_URL", "http://localhost:" + ports.forecast(),
                        "KELIU_ORDER_ANALYTICS_URL", "http://localhost:" + ports.orderAnalytics(),
                        "KELIU_NOTIFY_URL", "http://localhost:" + ports.notifyService())));
    }

    /**
     * notify-service delivers to the local catcher: mail over its SMTP port, WeCom robot messages to its page's
     * stand-in for qyapi.weixin.qq.com. SMS and WeCom application messages stay off (no credentials); README
     * "Notifications" tells how to point each channel at the real provider.
     */
    private static Map<String, String> notifyEnvironment(StackPorts ports, Map<String, String> platform,
                                                         String secretKey) {
        Map<String, String> environment = new HashMap<>(platform);
        environment.put("KELIU_NOTIFY_SECRET_KEY", secretKey);
        environment.put("KELIU_MAIL_HOST", "localhost");
        environment.put("KELIU_MAIL_PORT", String.valueOf(ports.mailSmtp()));
        environment.put("KELIU_WECOM_BASE_URL", "http://localhost:" + ports.mailWeb());
        environment.put("KELIU_DASHBOARD_URL", "http://localhost:" + ports.gateway());
        // a trial should show a delivery within seconds, not after Alertmanager's usual 30 s
        environment.put("KELIU_NOTIFY_DELIVERY_GROUPWAIT", "5s");
        return Map.copyOf(environment);
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
