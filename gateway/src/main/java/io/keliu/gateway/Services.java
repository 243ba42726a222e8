package io.keliu.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Map;

/** @param services each service's base URL, by name: what the health check covers and the API document merges */
@ConfigurationProperties("keliu")
public record Services(Map<String, URI> services) {
}
