package io.keliu.gateway;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The platform is up when the gateway and every service behind it are: /actuator/health answers 200 only then, so
 * scripts and orchestrators can wait on this one URL.
 */
@Component
public class ServicesHealth implements HealthIndicator {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, URI> services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ServicesHealth(Services services) {
        this.services = services.services();
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        statuses().forEach((name, state) -> {
            health.withDetail(name, state);
            if (!state.equals("UP")) {
                health.down();
            }
        });
        return health.build();
    }

    /**
     * Each service's state by name, probed now and at once (a service that hangs costs the timeout once, not once per
     * service): {@code UP}, {@code DOWN (HTTP 503)} or {@code UNREACHABLE at …}.
     */
    public Map<String, String> statuses() {
        Map<String, Future<String>> probes = new LinkedHashMap<>();
        try (ExecutorService probing = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach((name, base) -> probes.put(name, probing.submit(() ->
                    probe(base.resolve("/actuator/health")))));
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        probes.forEach((name, probe) -> statuses.put(name, probe.resultNow()));
        return statuses;
    }

    private String probe(URI uri) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "UP" : "DOWN (HTTP " + response.statusCode() + ")";
        } catch (java.io.IOException e) {
            return "UNREACHABLE at " + uri;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNKNOWN";
        }
    }
}
