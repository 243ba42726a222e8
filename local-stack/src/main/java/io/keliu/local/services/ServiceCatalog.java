package io.keliu.local.services;

import io.keliu.contracts.v1.GatewayToken;
import io.keliu.local.StackPorts;
import io.keliu.local.postgres.LocalPostgres;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The services of the platform, in start-up order (the gateway last: it is the one users reach). */
public final class ServiceCatalog {
    private static final String ZONE = "Asia/Shanghai";

    private ServiceCatalog() {
    }

    /**
     * @param secretsDirectory where the gateway's first start writes the admin password and API key
     * @param notifySecretKey  the key notify-service encrypts recipients with (kept in the data directory)
     */
    public static List<ServiceSpec> services(StackPorts ports, Path secretsDirectory, String notifySecretKey) {
        Map<String, String> platform = platformEnvironment(ports);
        return List.of(
                new ServiceSpec("ingest-service", ports.ingest(), platform),
                new ServiceSpec("profile-service", ports.profile(), platform),
                new ServiceSpec("forecast-service", ports.forecast(), platform),
                new ServiceSpec("order-analytics-service", ports.orderAnalytics(), platform),
                new ServiceSpec("notify-service", ports.notifyService(), notifyEnvironment(ports, platform, notifySecretKey)),
                new ServiceSpec("gateway", ports.gateway(), gatewayEnvironment(ports, platform, secretsDirectory)));
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

    private static Map<String, String> gatewayEnvironment(StackPorts ports, Map<String, String> platform,
                                                          Path secretsDirectory) {
        Map<String, String> environment = new HashMap<>(platform);
        environment.put("KELIU_INGEST_URL", "http://localhost:" + ports.ingest());
        environment.put("KELIU_PROFILE_URL", "http://localhost:" + ports.profile());
        environment.put("KELIU_FORECAST_URL", "http://localhost:" + ports.forecast());
        environment.put("KELIU_ORDER_ANALYTICS_URL", "http://localhost:" + ports.orderAnalytics());
        environment.put("KELIU_NOTIFY_URL", "http://localhost:" + ports.notifyService());
        environment.put("KELIU_SECRETS_DIR", secretsDirectory.toString());
        // the dashboard's Alerts view shows what the catcher caught
        environment.put("KELIU_MAIL_CATCHER_URL", "http://localhost:" + ports.mailWeb());
        // the user's own choice of first password, if any, reaches the gateway as in docker-compose
        String password = System.getenv("KELIU_ADMIN_PASSWORD");
        if (password != null && !password.isBlank()) {
            environment.put("KELIU_ADMIN_PASSWORD", password);
        }
        return Map.copyOf(environment);
    }

    /**
     * What every back-end service needs: the database, the broker, the zone of timestamps without offset and the
     * gateway's public keys (a service trusts only tokens the gateway signed).
     */
    private static Map<String, String> platformEnvironment(StackPorts ports) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KELIU_GATEWAY_JWKS_URL", "http://localhost:" + ports.gateway() + GatewayToken.JWKS_PATH);
        environment.put("KELIU_DB_URL", LocalPostgres.jdbcUrl(ports.postgres()));
        environment.put("KELIU_DB_USER", LocalPostgres.USER);
        environment.put("KELIU_DB_PASSWORD", LocalPostgres.PASSWORD);
        environment.put("KELIU_KAFKA_BOOTSTRAP", "localhost:" + ports.kafka());
        environment.put("KELIU_ZONE", ZONE);
        return Map.copyOf(environment);
    }
}
