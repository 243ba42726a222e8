package io.keliu.orderanalytics.baskets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param windowDays baskets are the orders created in this many last days
 * @param refitCron  when the baskets are read again (platform zone); also on demand
 * @param maxRules   a rule query that would return more is refused, asking for a higher support
 */
@ConfigurationProperties("keliu.baskets")
public record BasketProperties(Integer windowDays, String refitCron, Integer maxRules) {
    public BasketProperties {
        windowDays = windowDays == null ? 90 : windowDays;
        refitCron = refitCron == null ? "0 30 2 * * *" : refitCron;
        maxRules = maxRules == null ? 100_000 : maxRules;
    }
}
