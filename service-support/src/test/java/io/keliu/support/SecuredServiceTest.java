package io.keliu.support;

import io.keliu.contracts.v1.Role;
import io.keliu.support.security.ServiceAuthorization;
import io.keliu.testsupport.GatewayTokens;
import io.keliu.testsupport.GatewayTokensInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A service with nothing but the service-support dependency, called the way the gateway and attackers would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SecuredServiceTest.Service.class)
@ContextConfiguration(initializers = GatewayTokensInitializer.class)
class SecuredServiceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aValidGatewayTokenIsLetIn() throws Exception {
        HttpResponse<String> response = get("/api/v1/day?date=2026-11-20", GatewayTokens.bearer(Role.OPS));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("2026-11-20 for test-user");
    }

    @Test
    void checkingATokenPublishesNoAuthenticationEvent() throws Exception {
        Service.AUTHENTICATION_EVENTS.set(0);
        assertThat(get("/api/v1/day?date=2026-11-20", GatewayTokens.bearer(Role.OPS)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/day?date=2026-11-20", "Bearer not-a-jwt").statusCode()).isEqualTo(401);
        assertThat(Service.AUTHENTICATION_EVENTS.get()).isZero();
    }

    @Test
    void withoutATokenTheAnswerIs401AsAProblemThatSaysToGoThroughTheGateway() throws Exception {
        HttpResponse<String> response = get("/api/v1/day?date=2026-11-20", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString()).contains("Keliu gateway");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/day");
        HttpResponse<Void> logout = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(logout.statusCode()).as("a service has no sign-out to pass without a token").isEqualTo(401);
    }

    @Test
    void forgedExpiredUnsignedLongLivedAndGarbageTokensAre401() throws Exception {
        for (String token : new String[]{GatewayTokens.signedByAnotherKey(Role.ADMIN), GatewayTokens.expired(Role.ADMIN),
                GatewayTokens.unsigned(Role.ADMIN), GatewayTokens.longLived(Role.ADMIN), "not-a-jwt",
                "not a token"}) {
            HttpResponse<String> response = get("/api/v1/day?date=2026-11-20", "Bearer " + token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("refused");
        }
    }

    @Test
    void theServicesOwnRuleGives403ToOtherRoles() throws Exception {
        HttpResponse<String> denied = post("/api/v1/admin-only", GatewayTokens.bearer(Role.MARKETER, Role.OPS));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(denied.body()).get("detail").asString())
                .isEqualTo("Your roles (MARKETER, OPS) do not allow POST /api/v1/admin-only; ask an administrator.");
        assertThat(post("/api/v1/admin-only", GatewayTokens.bearer(Role.ADMIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void aBadParameterIsA400ProblemNamingIt() throws Exception {
        HttpResponse<String> response = get("/api/v1/day?date=yesterday", GatewayTokens.bearer(Role.OPS));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .isEqualTo("Parameter 'date' must be a LocalDate; 'yesterday' is not one.");
    }

    @Test
    void anonymousHealthIsOnlyTheStatusWhileAdminsAndMetricsSeeMore() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(anonymous.body()).properties()).hasSize(1);
        assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/actuator/health", GatewayTokens.bearer(Role.METRICS)).body()).contains("\"components\"");

        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", GatewayTokens.bearer(Role.OPS)).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", GatewayTokens.bearer(Role.METRICS)).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", GatewayTokens.bearer(Role.ADMIN)).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiDocumentNeedsATokenAndDocumentsTheProblems() throws Exception {
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
        JsonNode document = JSON.readTree(get("/v3/api-docs", GatewayTokens.bearer(Role.OPS)).body());
        assertThat(document.at("/info/title").asString()).isEqualTo("Keliu secured-test");
        assertThat(document.at("/paths/~1api~1v1~1day/get/responses/401/content")
                .has("application/problem+json")).isTrue();
        assertThat(document.at("/components/schemas/ProblemDetail/properties").has("detail")).isTrue();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootApplication
    @RestController
    static class Service {
        /** Every request is checked: an event for each would cost a dispatch per request and nobody listens. */
        static final AtomicInteger AUTHENTICATION_EVENTS = new AtomicInteger();

        @EventListener
        void authenticationEvent(AbstractAuthenticationEvent event) {
            AUTHENTICATION_EVENTS.incrementAndGet();
        }

        @GetMapping("/api/v1/day")
        String day(@RequestParam LocalDate date, java.security.Principal caller) {
            return date + " for " + caller.getName();
        }

        @PostMapping("/api/v1/admin-only")
        String adminOnly() {
            return "done";
        }

        @Bean
        ServiceAuthorization adminOnlyRule() {
            return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/admin-only").hasRole(Role.ADMIN.name());
        }
    }
}
