package io.keliu.gateway.proxy;

import org.apache.hc.core5.util.TimeValue;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client the routes forward requests with: Apache HttpClient 5 with a pool of kept-alive connections. Spring
 * Cloud Gateway would otherwise fall back to the JDK's client, which spent more CPU per forwarded request
 * (docs/benchmarks.md, "Security at the gateway"). A proxy passes requests and answers on as they are: it keeps no
 * cookies (they would be one caller's, sent on with everybody's requests) and does not decompress answers.
 */
@Configuration(proxyBeanMethods = false)
class ProxyClient {
    /** More than a service's callers ever need at once; without a limit this high, requests would queue here. */
    private static final int CONNECTIONS_PER_SERVICE = 500;
    /**
     * Well under the services' keep-alive timeout (Tomcat's 60 s), so that the pool does not hand out a connection
     * they have closed; one idle for longer slips through only if the eviction has not yet run, and is checked first.
     */
    private static final TimeValue IDLE_CONNECTION_LIFETIME = TimeValue.ofSeconds(15);

    @Bean
    ClientHttpRequestFactoryBuilder<?> proxyRequestFactoryBuilder() {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withHttpClientCustomizer(client -> client.disableCookieManagement()
                        .disableContentCompression()
                        .evictIdleConnections(IDLE_CONNECTION_LIFETIME))
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(CONNECTIONS_PER_SERVICE)
                        .setMaxConnTotal(CONNECTIONS_PER_SERVICE * 5))
                .withConnectionConfigCustomizer(connection -> connection
                        .setValidateAfterInactivity(IDLE_CONNECTION_LIFETIME));
    }
}
