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
import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway in front of real HTTP servers standing in for the ingest and forecast services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {
    private static final HttpServer INGEST = ingest();
    private static final Duration STREAM_HOLD = Duration.ofSeconds(8);
    private static final HttpServer FORECAST = forecast();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("KELIU_INGEST_URL", () -> "http://localhost:" + INGEST.getAddress().getPort());
        // the stub answers any service's health: order-analytics- and profile-service's too
        registry.add("KELIU_ORDER_ANALYTICS_URL", () -> "http://localhost:" + INGEST.getAddress().getPort());
        registry.add("KELIU_PROFILE_URL", () -> "http://localhost:" + INGEST.getAddress().getPort());
        registry.add("KELIU_FORECAST_URL", () -> "http://localhost:" + FORECAST.getAddress().getPort());
        registry.add("KELIU_NOTIFY_URL", () -> "http://localhost:" + INGEST.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        INGEST.stop(0);
        FORECAST.stop(0);
    }

    @Test
    void routesTrafficForecastAndCapacityToTheForecastService() throws Exception {
        for (String path : new String[]{"/api/v1/traffic?from=2026-01-01&to=2026-01-31", "/api/v1/forecasts?series=total",
                "/api/v1/capacity"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"forecast\":\"" + path + "\"}");
        }
    }

    @Test
    void streamsServerSentEventsAsTheyComeRatherThanWhenTheStreamEnds() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            long start = System.nanoTime();
            HttpResponse<java.util.stream.Stream<String>> response = client.send(
                    HttpRequest.newBuilder(uri("/api/v1/traffic/stream")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            String first = response.body().filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
            assertThat(first).isEqualTo("data:first");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STREAM_HOLD);
        }
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

    /** Echoes the path; the stream sends one event at once and then holds the connection open a while. */
    private static HttpServer forecast() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/v1/", exchange -> reply(exchange, "{\"forecast\":\""
                    + exchange.getRequestURI() + "\"}"));
            server.createContext("/api/v1/traffic/stream", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write("id:1\nevent:minute\ndata:first\n\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(STREAM_HOLD.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            server.createContext("/actuator/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
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
