package io.keliu.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway in front of a real HTTP server standing in for the ingest service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {
    private static final HttpServer INGEST = ingest();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("KELIU_INGEST_URL", () -> "http://localhost:" + INGEST.getAddress().getPort());
        // the stub answers any service's health: order-analytics-service's too
        registry.add("KELIU_ORDER_ANALYTICS_URL", () -> "http://localhost:" + INGEST.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        INGEST.stop(0);
    }

    @Test
    void forwardsAnImportBodyWhole() throws Exception {
        long size = 64L << 20;
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/imports/orders?charset=GBK"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(zeros(size))).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\":" + size + ",\"query\":\"charset=GBK\"}");
    }

    @Test
    void healthIsUpOnlyWhileTheServicesAre() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ingest\":\"UP\"");

        ServicesHealth stopped = new ServicesHealth(new ServicesHealth.Services(
                java.util.Map.of("ingest", URI.create("http://localhost:1"))));
        assertThat(stopped.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(stopped.health().getDetails().get("ingest").toString()).startsWith("UNREACHABLE");
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownPathsAreNotRouted() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET().build()).statusCode())
                .isEqualTo(404);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Supplier<InputStream> zeros(long size) {
        return () -> new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                left -= n;
                return n;
            }
        };
    }

    private static HttpServer ingest() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/v1/imports/", exchange -> {
                long received = exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
                reply(exchange, "{\"received\":" + received + ",\"query\":\"" + exchange.getRequestURI().getQuery()
                        + "\"}");
            });
            server.createContext("/actuator/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
