package io.keliu.orderanalytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** @param zone the platform's zone (KELIU_ZONE, default Asia/Shanghai): orders are bucketed by their day in it */
@ConfigurationProperties("keliu")
public record PlatformProperties(ZoneId zone) {
    public PlatformProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
