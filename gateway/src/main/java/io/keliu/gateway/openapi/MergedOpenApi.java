package io.keliu.gateway.openapi;

import io.keliu.gateway.Services;
import io.keliu.gateway.tokens.ServiceTokens;
import io.keliu.support.web.ServiceOpenApi;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The one OpenAPI document at {@code GET /v3/api-docs}: the gateway's own operations (springdoc) and every service's,
 * read from its {@code /v3/api-docs} at each request (with a token the gateway signs for itself), so a service that
 * was down appears once it is up. A service that does not answer is left out and named in the description.
 */
@Configuration(proxyBeanMethods = false)
class MergedOpenApi {
    private static final Logger LOG = LoggerFactory.getLogger(MergedOpenApi.class);
    // a service builds its document on the first request, which takes seconds on a busy machine
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ServiceTokens.Caller GATEWAY = new ServiceTokens.Caller("gateway", List.of(), null);

    @Bean
    OpenAPI keliuApi() {
        return ServiceOpenApi.document("gateway")
                .info(new Info().title("Keliu API").version("v1")
                        .description("Every operation of the platform, through the gateway on one address.")
                        .license(new io.swagger.v3.oas.models.info.License().name("GPL-3.0-or-later")));
    }

    /** Runs before the shared customizer that adds the error responses, so the services' operations get them too. */
    @Bean
    @Order(0)
    OpenApiCustomizer servicesDocuments(Services services, ServiceTokens tokens) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        return gateway -> {
            gateway.setServers(List.of(new Server().url("/")));
            services.services().forEach((name, base) -> {
                try {
                    merge(gateway, read(http, base.resolve("/v3/api-docs"), tokens));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("OpenAPI document of {} not merged: {}", name, e.toString());
                    gateway.getInfo().setDescription(gateway.getInfo().getDescription()
                            + " The operations of " + name + " are missing: it did not answer.");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        };
    }

    private static OpenAPI read(HttpClient http, URI uri, ServiceTokens tokens) throws IOException,
            InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.tokenFor(GATEWAY)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        return Json31.mapper().readValue(response.body(), OpenAPI.class);
    }

    private static void merge(OpenAPI gateway, OpenAPI service) {
        if (service.getPaths() != null) {
            service.getPaths().forEach(gateway.getPaths()::addPathItem);
        }
        if (service.getComponents() != null && service.getComponents().getSchemas() != null) {
            if (gateway.getComponents() == null) {
                gateway.setComponents(new Components());
            }
            service.getComponents().getSchemas().forEach((name, schema) -> {
                if (gateway.getComponents().getSchemas() == null
                        || !gateway.getComponents().getSchemas().containsKey(name)) {
                    gateway.getComponents().addSchemas(name, schema);
                }
            });
        }
        if (service.getTags() != null) {
            service.getTags().forEach(gateway::addTagsItem);
        }
    }
}
