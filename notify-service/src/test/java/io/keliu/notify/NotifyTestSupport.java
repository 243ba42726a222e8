package io.keliu.notify;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.Topics;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.keliu.testsupport.GatewayTokens;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.fail;

/** The service against a real database, a real broker and real SMTP/HTTP servers standing in for the providers. */
@KeliuIntegrationTest
public abstract class NotifyTestSupport {
    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Generous: two cores shared by several builds make everything slower than it would be. */
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        ProviderStubs.register(registry);
    }

    @BeforeEach
    void cleanSlate() throws Exception {
        jdbc.update("delete from notify.subscriptions");
        jdbc.update("delete from notify.silences");
        jdbc.update("delete from notify.groups");
        jdbc.update("delete from notify.notifications");
        jdbc.update("delete from notify.alerts");
        ProviderStubs.HTTP.resetAll();
        ProviderStubs.SMTP.purgeEmailFromAllMailboxes();
        ProviderStubs.HTTP.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        ProviderStubs.HTTP.stubFor(post(urlPathEqualTo("/")).withHeader("X-TC-Action", equalTo("SendSms"))
                .willReturn(okJson("{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"s1\",\"Code\":\"Ok\","
                        + "\"Message\":\"send success\"}],\"RequestId\":\"r1\"}}")));
    }

    protected record Answer(int status, String contentType, JsonNode body) {
    }

    protected Answer api(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", GatewayTokens.bearer(Role.ADMIN));
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json.writeValueAsString(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), parsed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected UUID subscribe(String body) {
        Answer answer = api("POST", "/api/v1/subscriptions", body);
        if (answer.status() != 201) {
            fail("subscription refused: " + answer.body());
        }
        return UUID.fromString(answer.body().path("id").asString());
    }

    protected void publish(Alert... alerts) {
        for (Alert alert : alerts) {
            kafka.send(Topics.ALERTS, alert.dedupeKey(), json.writeValueAsBytes(alert));
        }
        kafka.flush();
    }

    protected static Alert alert(String dedupeKey, AlertSeverity severity, AlertStatus status,
                                 Map<String, String> labels) {
        return new Alert(dedupeKey + "/" + status + "/" + UUID.randomUUID(), Alert.SCHEMA_VERSION, "traffic.anomaly",
                severity, status, dedupeKey, labels,
                new Alert.Localized(dedupeKey + " 异常", dedupeKey + " unusual"),
                new Alert.Localized("观测 120，预测区间 80–100。", "Observed 120, forecast 80–100."),
                Map.of("observed", 120.0, "expected", 90.0), Instant.now(),
                status == AlertStatus.RESOLVED ? Instant.now() : null, "test", "/time");
    }

    protected void await(String what, BooleanSupplier condition) {
        await(what, PATIENCE, condition);
    }

    protected void await(String what, Duration patience, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("waited " + patience.toSeconds() + " s for " + what + "; the outbox holds "
                + jdbc.queryForList("select channel, status, attempts, last_error, merged_into from notify.notifications"));
    }

    /** Waits a moment in which nothing should happen, to show that it does not. */
    protected static void quietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stubs a provider failure; {@link #restore} takes it away again. */
    protected static StubMapping failing(MappingBuilder stub) {
        return ProviderStubs.HTTP.stubFor(stub.atPriority(1));
    }

    protected static void restore(StubMapping failure) {
        ProviderStubs.HTTP.removeStub(failure);
    }

    protected int notifications(String where) {
        return jdbc.queryForObject("select count(*) from notify.notifications where " + where, Integer.class);
    }
}
