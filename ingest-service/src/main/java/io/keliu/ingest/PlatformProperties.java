package io.keliu.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** @param zone the zone of timestamps written without an offset (KELIU_ZONE, default Asia/Shanghai) */
@ConfigurationProperties("keliu")
public record PlatformProperties(ZoneId zone) {
    public PlatformProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
