package io.keliu.gateway;

import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.KeliuIntegrationTest;
import io.keliu.testsupport.TopicReaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's users, keys, lock-out, CSRF, rate limits, audit and API log, against a real database and broker. */
@KeliuIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class GatewaySecurityTest {
    private static final String ADMIN_KEY = "keliu_security-test-admin-key-abcdefghijklmnopqrstuvwxyz";
    private static final String ADMIN_PASSWORD = "first-admin-password-42";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    ConfigurableApplicationContext context;

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) throws Exception {
        Path secrets = Files.createTempDirectory("keliu-secrets");
        registry.add("KELIU_ADMIN_API_KEY", () -> ADMIN_KEY);
        registry.add("KELIU_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        registry.add("KELIU_SECRETS_DIR", secrets::toString);
        registry.add("KELIU_INGEST_URL", () -> "http://localhost:1");
        // low enough to reach on a slow machine; the defaults (20/s, bursts of 100) are in application.yml
        registry.add("keliu.rate-limit.requests-per-second", () -> "5");
        registry.add("keliu.rate-limit.burst", () -> "40");
    }

    @Test
    void adminsManageUsersAndOtherRolesGet403() throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/users", ADMIN_KEY,
                "{\"username\":\"mei\",\"password\":\"mei-password-123\",\"roles\":[\"MARKETER\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password");
        assertThat(created.headers().firstValue("Set-Cookie")).as("a key's call opens no session").isEmpty();
        assertThat(call("GET", "/api/v1/users/mei", ADMIN_KEY, null).body()).contains("\"MARKETER\"");

        HttpResponse<String> changed = call("PATCH", "/api/v1/users/mei", ADMIN_KEY, "{\"roles\":[\"OPS\"]}");
        assertThat(changed.body()).contains("\"OPS\"").doesNotContain("MARKETER");

        String marketerKey = newKey("marketing-tool", "[\"MARKETER\"]");
        HttpResponse<String> denied = call("GET", "/api/v1/users", marketerKey, null);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(denied.body()).get("detail").asString()).contains("MARKETER");
        // a key is a program's credential on pages too: a refusal is a problem, not the error page or the login form
        HttpResponse<String> page = call("GET", "/admin", marketerKey, null);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> weak = call("POST", "/api/v1/users", ADMIN_KEY,
                "{\"username\":\"x\",\"password\":\"short\",\"roles\":[\"OPS\"]}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(weak.body()).get("detail").asString()).contains("'password'", "12");

        assertThat(call("DELETE", "/api/v1/users/mei", ADMIN_KEY, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/users/mei", ADMIN_KEY, null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/users/admin", ADMIN_KEY, null).statusCode()).isEqualTo(409);
    }

    @Test
    void aKeyIsShownOnceListedWithoutItselfAndRefusedAlikeWhenRevokedExpiredOrUnknown() throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/api-keys", ADMIN_KEY,
                "{\"name\":\"erp\",\"roles\":[\"ADMIN\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        String secret = key.get("key").asString();
        assertThat(secret).startsWith("keliu_").hasSizeGreaterThan(40);
        assertThat(call("GET", "/api/v1/users", secret, null).statusCode()).isEqualTo(200);

        String list = call("GET", "/api/v1/api-keys", ADMIN_KEY, null).body();
        assertThat(list).contains("\"erp\"", "lastUsedAt").doesNotContain(secret);
        assertThat(jdbc.queryForObject("select count(*) from gateway.api_keys where key_hash like ?", Long.class,
                "%" + secret + "%")).isZero();

        String unknown = call("GET", "/api/v1/users", "keliu_never-issued", null).body();
        String expiring = newKey("expiring", "[\"ADMIN\"]");
        jdbc.update("update gateway.api_keys set expires_at = now() - interval '1 second' where name = 'expiring'");
        assertThat(call("GET", "/api/v1/users", expiring, null).body()).isEqualTo(unknown);

        assertThat(call("DELETE", "/api/v1/api-keys/" + key.get("id").asString(), ADMIN_KEY, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> revoked = call("GET", "/api/v1/users", secret, null);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).isEqualTo(unknown);
        assertThat(call("GET", "/api/v1/users", "not a key at all!", null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyFormLoginsPublishAnAuthenticationSuccess() throws Exception {
        List<Authentication> successes = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof AuthenticationSuccessEvent success) {
                successes.add(success.getAuthentication());
            }
        };
        context.addApplicationListener(listener);
        try {
            assertThat(call("GET", "/api/v1/users", ADMIN_KEY, null).statusCode()).isEqualTo(200);
            assertThat(login("admin", ADMIN_PASSWORD)).doesNotContain("error");
        } finally {
            context.removeApplicationListener(listener);
        }
        assertThat(successes).singleElement().isInstanceOf(UsernamePasswordAuthenticationToken.class)
                .extracting(Authentication::getName).isEqualTo("admin");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        call("POST", "/api/v1/users", ADMIN_KEY,
                "{\"username\":\"target\",\"password\":\"target-password-1\",\"roles\":[\"OPS\"]}");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login("target", "guess-" + attempt)).as("attempt " + attempt).contains("error");
        }
        assertThat(login("target", "target-password-1")).contains("error");
        assertThat(jdbc.queryForObject("select locked_until > now() + interval '14 minutes' from gateway.users"
                + " where username = 'target'", Boolean.class)).isTrue();
        assertThat(call("GET", "/api/v1/audit?limit=50", ADMIN_KEY, null).body())
                .contains("LOGIN_LOCKED_OUT", "LOGIN_FAILED", "\"remoteAddress\":\"127.0.0.1\"");
        JsonNode lockOuts = JSON.readTree(call("GET", "/api/v1/audit?action=LOGIN_LOCKED_OUT", ADMIN_KEY, null).body());
        assertThat(lockOuts).isNotEmpty().allSatisfy(entry ->
                assertThat(entry.get("action").asString()).isEqualTo("LOGIN_LOCKED_OUT"));
        HttpResponse<String> unknownAction = call("GET", "/api/v1/audit?action=LOGIN_MAYBE", ADMIN_KEY, null);
        assertThat(unknownAction.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownAction.body()).get("parameter").asString()).isEqualTo("action");

        call("PATCH", "/api/v1/users/target", ADMIN_KEY, "{\"password\":\"target-password-2\"}");
        assertThat(login("target", "target-password-2")).doesNotContain("error");
    }

    @Test
    void aSessionNeedsTheCsrfTokenOnEveryForm() throws Exception {
        HttpClient browser = browser();
        String token = csrfToken(browser);
        HttpResponse<String> noToken = browser.send(form("/login", "username=admin&password=" + ADMIN_PASSWORD),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);

        HttpResponse<String> login = browser.send(form("/login", "username=admin&password=" + ADMIN_PASSWORD
                + "&_csrf=" + token), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.send(get("/api/v1/users"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(uri("/api/v1/users"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"evil\",\"password\":\"evil-password-1\",\"roles\":[\"ADMIN\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/users/evil", ADMIN_KEY, null).statusCode()).isEqualTo(404);

        assertThat(browser.send(get("/swagger-ui.html"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isIn(200, 302);
        HttpResponse<String> anonymousUi = HTTP.send(HttpRequest.newBuilder(uri("/swagger-ui.html"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousUi.statusCode()).isEqualTo(302);
        assertThat(anonymousUi.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aCallerOverTheLimitGets429WithRetryAfter() throws Exception {
        String key = newKey("greedy", "[\"OPS\"]");
        HttpResponse<String> limited = null;
        for (int i = 0; i < 400 && limited == null; i++) {
            HttpResponse<String> response = call("GET", "/api/v1/nothing", key, null);
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(limited).as("a 429 within 400 requests").isNotNull();
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 5L);
        assertThat(JSON.readTree(limited.body()).get("detail").asString()).contains("5 requests/s", "retry after");
        assertThat(call("GET", "/api/v1/users", ADMIN_KEY, null).statusCode()).as("others are not limited")
                .isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsPublicAndListsTheGatewaysOperations() throws Exception {
        HttpResponse<String> document = HTTP.send(get("/v3/api-docs"), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(document.body()).get("paths");
        assertThat(paths.has("/api/v1/users")).isTrue();
        assertThat(paths.has("/api/v1/api-keys/{id}")).isTrue();
        assertThat(paths.at("/~1api~1v1~1audit/get/responses/401/content").has("application/problem+json")).isTrue();
    }

    @Test
    void passwordsAndKeysNeverAppearInLogsOrTheApiLog(CapturedOutput output) throws Exception {
        String key = newKey("secretive", "[\"OPS\"]");
        call("GET", "/api/v1/users", key, null);
        call("GET", "/api/v1/users?token=" + key, key, null);
        login("admin", ADMIN_PASSWORD);
        login("admin", "a-wrong-password-typed");
        call("POST", "/api/v1/users", ADMIN_KEY,
                "{\"username\":\"quiet\",\"password\":\"quiet-password-9\",\"roles\":[\"OPS\"]}");

        List<String> apiLog = apiLogRecords("/api/v1/users");
        assertThat(apiLog).anySatisfy(record -> assertThat(record).contains("\"log_type\":\"API\"",
                "GET /api/v1/users status=200", "caller=key:", "\"source\":\"gateway\""));
        for (String secret : List.of(key, ADMIN_KEY, ADMIN_PASSWORD, "a-wrong-password-typed", "quiet-password-9")) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(apiLog).noneSatisfy(record -> assertThat(record).contains(secret));
        }
    }

    private List<String> apiLogRecords(String containing) {
        List<String> records = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        try (Consumer<String, byte[]> consumer = TopicReaders.fromEarliest(kafka, "api-log-test", Topics.RAW_LOGS)) {
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new String(record.value(), StandardCharsets.UTF_8));
                }
                if (records.stream().anyMatch(record -> record.contains(containing + " status=200"))) {
                    break;
                }
            }
        }
        return records;
    }

    private String newKey(String name, String roles) throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/api-keys", ADMIN_KEY,
                "{\"name\":\"" + name + "\",\"roles\":" + roles + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("key").asString();
    }

    /** Logs in with a fresh browser; answers where the login sent it. */
    private String login(String username, String password) throws Exception {
        HttpClient browser = browser();
        String token = csrfToken(browser);
        HttpResponse<String> response = browser.send(form("/login", "username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private String csrfToken(HttpClient browser) throws Exception {
        String page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();
        return token.group(1);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private HttpResponse<String> call(String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
