package io.keliu.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import io.keliu.contracts.v1.GatewayToken;
import io.keliu.testsupport.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway (on a real database) in front of HTTP servers standing in for the ingest and forecast services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class GatewayRoutingTest {
    static final String ADMIN_KEY = "keliu_test-admin-key-0123456789abcdefghijklmnopqrstu";
    private static final HttpServer INGEST = ingest();
    private static final Duration STREAM_HOLD = Duration.ofSeconds(8);
    private static final String GZIPPED_WITH_COOKIE = "/api/v1/forecasts/gzipped-with-cookie";
    private static final String GZIPPED_BODY = "{\"forecast\":\"compressed\"}";
    /** The Cookie header of the last request to {@link #GZIPPED_WITH_COOKIE}, or "none". */
    private static final AtomicReference<String> COOKIE_RECEIVED = new AtomicReference<>();
    private static final HttpServer FORECAST = forecast();
    /** The Authorization and Cookie headers of the last request the stand-in service received. */
    private static final AtomicReference<List<String>> FORWARDED = new AtomicReference<>();
    private static final Path SECRETS = secretsDirectory();
    private static final HttpServer MAIL_CATCHER = mailCatcher();

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
        registry.add("KELIU_ADMIN_API_KEY", () -> ADMIN_KEY);
        registry.add("KELIU_SECRETS_DIR", SECRETS::toString);
        registry.add("KELIU_MAIL_CATCHER_URL", () -> "http://localhost:" + MAIL_CATCHER.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        INGEST.stop(0);
        FORECAST.stop(0);
        MAIL_CATCHER.stop(0);
    }

    @Test
    void routesTrafficForecastAndCapacityToTheForecastService() throws Exception {
        for (String path : new String[]{"/api/v1/traffic?from=2026-01-01&to=2026-01-31", "/api/v1/forecasts?series=total",
                "/api/v1/capacity"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + ADMIN_KEY).GET().build());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"forecast\":\"" + path + "\"}");
        }
    }

    @Test
    void streamsServerSentEventsAsTheyComeRatherThanWhenTheStreamEnds() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            long start = System.nanoTime();
            HttpResponse<java.util.stream.Stream<String>> response = client.send(
                    HttpRequest.newBuilder(uri("/api/v1/traffic/stream"))
                            .header("Authorization", "Bearer " + ADMIN_KEY).GET().build(),
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
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(zeros(size))).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"received\":" + size + ",\"query\":\"charset=GBK\"}");
    }

    /** The dashboard's import: the file itself as the body of a signed-in browser's request with the CSRF header. */
    @Test
    void aSignedInBrowserUploadsAFileWithItsCsrfTokenAndWithoutOneIsRefused() throws Exception {
        try (HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build()) {
            String loginToken = csrfToken(browser);
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + URLEncoder.encode(
                            Files.readString(SECRETS.resolve("admin-password")), StandardCharsets.UTF_8)
                            + "&_csrf=" + loginToken)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            String csv = "order_id,user_id\nO1,U1\n";
            HttpRequest.Builder upload = HttpRequest.newBuilder(uri("/api/v1/imports/orders?charset=GBK"))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv));

            FORWARDED.set(null);
            assertThat(browser.send(upload.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            assertThat(FORWARDED.get()).as("nothing forwarded without the token").isNull();

            HttpResponse<String> imported = browser.send(upload.header("X-CSRF-TOKEN", csrfToken(browser)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).isEqualTo(200);
            assertThat(imported.body()).isEqualTo("{\"received\":" + csv.length() + ",\"query\":\"charset=GBK\"}");
            assertThat(FORWARDED.get().get(0)).startsWith("Bearer ey");
            assertThat(FORWARDED.get().get(1)).as("cookie").isNull();
        }
    }

    @Test
    void relaysTheLocalMailCatchersInboxNewestFirst() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/mail-catcher"))
                .header("Authorization", "Bearer " + ADMIN_KEY).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode inbox = JsonMapper.builder().build().readTree(response.body());
        String catcher = "http://localhost:" + MAIL_CATCHER.getAddress().getPort();
        assertThat(inbox.get("page").asString()).isEqualTo(catcher);
        assertThat(inbox.get("mailCount").asInt()).isEqualTo(2);
        assertThat(inbox.get("mails").get(0).get("subject").asString()).isEqualTo("[科流] 测试消息");
        assertThat(inbox.get("mails").get(0).get("to").asString()).isEqualTo("ops@example.com");
        assertThat(inbox.get("mails").get(0).get("html").asString()).isEqualTo(catcher + "/api/mails/1");
        assertThat(inbox.get("mails").get(1).get("index").asInt()).isZero();
        assertThat(inbox.get("robotMessages").get(0).get("content").asString()).isEqualTo("**警告** 广东省");
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/mail-catcher")).GET().build()).statusCode())
                .as("not without a login or key").isEqualTo(401);
    }

    @Test
    void forwardsTheCallerAsAShortLivedTokenSignedByTheGatewayAndNeverTheKey() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/imports/orders"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Cookie", "JSESSIONID=abc")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> forwarded = FORWARDED.get();
        assertThat(forwarded.get(1)).as("cookie").isNull();
        assertThat(forwarded.get(0)).startsWith("Bearer ").doesNotContain(ADMIN_KEY);

        Jwt token = NimbusJwtDecoder.withJwkSetUri(uri(GatewayToken.JWKS_PATH).toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256).build().decode(forwarded.get(0).substring("Bearer ".length()));
        assertThat(token.getClaimAsStringList(GatewayToken.ROLES)).containsExactly("ADMIN");
        assertThat(token.getSubject()).startsWith("key:");
        assertThat(token.getClaimAsString(GatewayToken.API_KEY_ID)).isEqualTo(token.getSubject().substring(4));
        assertThat(token.getClaimAsString("iss")).isEqualTo(GatewayToken.ISSUER);
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(token.getHeaders()).containsKey("kid");
    }

    /** The routes' HTTP client (proxy.ProxyClient) must not act as a browser: it is every caller's. */
    @Test
    void passesAnswersOnAsTheyAreAndKeepsNoCookieOfOneCallerForTheNext() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(GZIPPED_WITH_COOKIE)).header("Accept-Encoding", "gzip")
                .header("Authorization", "Bearer " + ADMIN_KEY).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Encoding")).as("still compressed").hasValue("gzip");
            assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(first.body()))
                    .readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(GZIPPED_BODY);

            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        assertThat(COOKIE_RECEIVED.get()).as("the cookie the service set for the first caller").isEqualTo("none");
    }

    /** The services write none of these: the gateway is where a browser's answers come from. */
    @Test
    void writesTheBrowserFacingSecurityHeadersOntoTheAnswersItPassesOn() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(GZIPPED_WITH_COOKIE))
                .header("Authorization", "Bearer " + ADMIN_KEY).build());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).isPresent();
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
    }

    @Test
    void withoutAValidKeyNothingIsForwarded() throws Exception {
        FORWARDED.set(null);
        for (String authorization : new String[]{null, "Bearer keliu_no-such-key", "Bearer " + ADMIN_KEY + "x"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/imports/orders"))
                    .POST(HttpRequest.BodyPublishers.ofString("x"));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = send(request.build());
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(FORWARDED.get()).isNull();
    }

    @Test
    void theFirstStartWroteTheAdminSecretsForTheOwnerOnly() throws Exception {
        assertThat(Files.readString(SECRETS.resolve("admin-api-key"))).isEqualTo(ADMIN_KEY);
        String password = Files.readString(SECRETS.resolve("admin-password"));
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).doesNotContain("\n");
        for (String file : List.of("admin-api-key", "admin-password")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(SECRETS.resolve(file))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void theOneOpenApiDocumentMergesTheServicesDocumentsAndNeedsNoLogin() throws Exception {
        HttpResponse<String> merged = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build());
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(merged.body()).contains("\"/api/v1/ingest/summary\"", "\"/api/v1/users\"", "\"Summary\"");
        assertThat(FORWARDED.get().get(0)).as("the service was asked with a gateway token").startsWith("Bearer ey");
    }

    @Test
    void publishesOnlyPublicKeys() throws Exception {
        HttpResponse<String> jwks = send(HttpRequest.newBuilder(uri(GatewayToken.JWKS_PATH)).GET().build());
        assertThat(jwks.statusCode()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(jwks.body());
        assertThat(keys.getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void healthIsUpOnlyWhileTheServicesAre() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health"))
                .header("Authorization", "Bearer " + ADMIN_KEY).GET().build());
        assertThat(health.body()).contains("\"ingest\":\"UP\"");

        ServicesHealth stopped = new ServicesHealth(new Services(
                java.util.Map.of("ingest", URI.create("http://localhost:1"))));
        assertThat(stopped.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(stopped.health().getDetails().get("ingest").toString()).startsWith("UNREACHABLE");
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build()).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", "Bearer " + ADMIN_KEY).GET().build());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count")
                .as("no long-task timer beside each request's timer").doesNotContain("http_server_requests_active");
    }

    @Test
    void unknownPathsAreNotRouted() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/nothing-here"))
                .header("Authorization", "Bearer " + ADMIN_KEY).GET().build()).statusCode())
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

    /** The CSRF token of the browser's session, from the login form's hidden field. */
    private String csrfToken(HttpClient browser) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher field = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>").matcher(page);
        assertThat(field.find()).as(page).isTrue();
        Matcher value = Pattern.compile("value=\"([^\"]+)\"").matcher(field.group());
        assertThat(value.find()).isTrue();
        return value.group(1);
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
                FORWARDED.set(java.util.Arrays.asList(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Cookie")));
                long received = exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
                reply(exchange, "{\"received\":" + received + ",\"query\":\"" + exchange.getRequestURI().getQuery()
                        + "\"}");
            });
            server.createContext("/actuator/health", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
            server.createContext("/v3/api-docs", exchange -> {
                FORWARDED.set(java.util.Arrays.asList(exchange.getRequestHeaders().getFirst("Authorization"), null));
                reply(exchange, """
                        {"openapi":"3.1.0","info":{"title":"Keliu ingest-service","version":"v1"},
                         "paths":{"/api/v1/ingest/summary":{"get":{"operationId":"summary",
                           "responses":{"200":{"description":"OK","content":{"application/json":{"schema":
                           {"$ref":"#/components/schemas/Summary"}}}}}}}},
                         "components":{"schemas":{"Summary":{"type":"object"}}}}""");
            });
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
            server.createContext(GZIPPED_WITH_COOKIE, exchange -> {
                String cookie = exchange.getRequestHeaders().getFirst("Cookie");
                COOKIE_RECEIVED.set(cookie == null ? "none" : cookie);
                java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
                    gzip.write(GZIPPED_BODY.getBytes(StandardCharsets.UTF_8));
                }
                exchange.getResponseHeaders().add("Set-Cookie", "session=first-caller; Path=/");
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, gzipped.size());
                exchange.getResponseBody().write(gzipped.toByteArray());
                exchange.close();
            });
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

    /** Two mails and a robot message, in the JSON of local-stack's LocalMailCatcher (oldest first, as it lists them). */
    private static HttpServer mailCatcher() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/mails", exchange -> reply(exchange, """
                    [{"index":0,"receivedAt":"2026-12-01T06:00:00Z","from":"keliu@localhost","to":"a@example.com",
                      "subject":"first","text":"one"},
                     {"index":1,"receivedAt":"2026-12-01T06:05:00Z","from":"keliu@localhost","to":"ops@example.com",
                      "subject":"[科流] 测试消息","text":"这是一条测试告警"}]"""));
            server.createContext("/api/wecom", exchange -> reply(exchange, """
                    [{"receivedAt":"2026-12-01T06:01:00Z","robot":"****0001","msgtype":"markdown",
                      "content":"**警告** 广东省"}]"""));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path secretsDirectory() {
        try {
            return Files.createTempDirectory("keliu-secrets");
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
