package io.keliu.gateway;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The platform is up when the gateway and every service behind it are: /actuator/health answers 200 only then, so
 * scripts and orchestrators can wait on this one URL.
 */
@Component
class ServicesHealth implements HealthIndicator {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, URI> services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ServicesHealth(Services services) {
        this.services = services.services();
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        services.forEach((name, base) -> {
            String state = probe(base.resolve("/actuator/health"));
            health.withDetail(name, state);
            if (!state.equals("UP")) {
                health.down();
            }
        });
        return health.build();
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
