package io.keliu.gateway.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Instant;
import java.time.ZoneId;

/** @param zone the platform zone every page shows times in (KELIU_ZONE, default Asia/Shanghai) */
@ConfigurationProperties("keliu")
public record PlatformZone(ZoneId zone) {
    public PlatformZone {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }

    /** {@code Asia/Shanghai (UTC+8)}: the zone's name and its offset now (which daylight saving changes). */
    public String label(Instant now) {
        int minutes = zone.getRules().getOffset(now).getTotalSeconds() / 60;
        String offset = minutes == 0 ? "" : (minutes < 0 ? "-" : "+") + Math.abs(minutes) / 60
                + (minutes % 60 == 0 ? "" : ":%02d".formatted(Math.abs(minutes) % 60));
        return zone.getId() + " (UTC" + offset + ")";
    }
}
