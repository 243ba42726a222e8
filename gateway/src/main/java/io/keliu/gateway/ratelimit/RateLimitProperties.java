package io.keliu.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param requestsPerSecond what each API key and each user may send on average ({@code KELIU_RATE_LIMIT_PER_SECOND})
 * @param burst             how many requests it may send at once after a quiet while ({@code KELIU_RATE_LIMIT_BURST})
 */
@ConfigurationProperties("keliu.rate-limit")
public record RateLimitProperties(long requestsPerSecond, long burst) {

    public RateLimitProperties {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("keliu.rate-limit.requests-per-second and .burst must be at least 1");
        }
    }
}
