package io.keliu.forecast;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** @param zone the platform zone: buckets, days and weeks are read in it (KELIU_ZONE, default Asia/Shanghai) */
@ConfigurationProperties("keliu")
public record PlatformProperties(ZoneId zone) {
    public PlatformProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
