package io.keliu.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every port the local stack listens on. The defaults are fixed so that URLs in docs and scripts stay valid. */
public record StackPorts(int postgres, int kafka, int kafkaController, int ingest, int profile, int forecast,
                         int orderAnalytics, int notifyService, int mailSmtp, int mailWeb, int gateway) {
    public static final StackPorts DEFAULT = new StackPorts(15432, 19092, 19093, 8081, 8082, 8083, 8084, 8085, 3025, 8025,
            8080);

    /** Port to what listens on it, in start-up order: used to tell the user which one is taken. */
    public Map<Integer, String> owners() {
        Map<Integer, String> owners = new LinkedHashMap<>();
        owners.put(postgres, "PostgreSQL");
        owners.put(kafka, "Kafka");
        owners.put(kafkaController, "the Kafka controller");
        owners.put(ingest, "ingest-service");
        owners.put(profile, "profile-service");
        owners.put(forecast, "forecast-service");
        owners.put(orderAnalytics, "order-analytics-service");
        owners.put(mailSmtp, "the local mail catcher (SMTP)");
        owners.put(mailWeb, "the local mail catcher's page");
        owners.put(notifyService, "notify-service");
        owners.put(gateway, "the gateway");
        return owners;
    }
}
