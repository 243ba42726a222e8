package io.keliu.support.web;

import io.keliu.contracts.v1.GatewayToken;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The settings every service shares, at the lowest precedence: a service's application.yml or the environment
 * overrides any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {
    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("keliu.security.jwk-set-uri",
                    "${KELIU_GATEWAY_JWKS_URL:http://localhost:8080" + GatewayToken.JWKS_PATH + "}"),
            Map.entry("keliu.security.clock-skew", "30s"),
            Map.entry("keliu.security.jwk-set-kept-for", "5m"),
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            // anonymous callers see only UP or DOWN; no disk paths, no component names
            Map.entry("management.endpoint.health.show-details", "when-authorized"),
            Map.entry("management.endpoint.health.show-components", "when-authorized"),
            Map.entry("management.endpoint.health.roles", "ADMIN,METRICS"),
            // probe groups would be listed to anonymous callers too
            Map.entry("management.endpoint.health.probes.enabled", "false"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,metrics,prometheus"),
            // an observation around each of Spring Security's filters was the largest cost of a secured request in a
            // JFR of the gateway: Spring Security makes none (SecurityObservationsAutoConfiguration), and any it still
            // made would be a no-op; http.server.requests still times every request
            Map.entry("management.observations.enable.spring.security", "false"),
            // nor a long-task timer (http.server.requests.active, http.client.requests.active) started and stopped
            // beside each request's timer: the gateway opens two per request, one for the call and one for the proxied
            // call; nothing reads them, and the request timers still count every request
            Map.entry("management.metrics.observations.ignored-meters", "long-task-timer"),
            Map.entry("springdoc.api-docs.path", "/v3/api-docs"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("keliuServiceDefaults", DEFAULTS));
    }
}
