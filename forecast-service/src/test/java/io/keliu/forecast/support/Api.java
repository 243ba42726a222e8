package io.keliu.forecast.support;

import io.keliu.contracts.v1.Role;
import io.keliu.testsupport.GatewayTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the service's HTTP API as the gateway forwards an OPS user's requests. */
public record Api(int port, ObjectMapper json) {

    public HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", GatewayTokens.bearer(Role.OPS));
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    public JsonNode get(String path) throws Exception {
        return ok(send("GET", path, null, null));
    }

    public JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Asserts a problem detail with this status naming this parameter, and returns it. */
    public JsonNode problem(HttpResponse<String> response, int status, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        return problem;
    }

    public JsonNode problem(String path, int status, String parameter) throws Exception {
        return problem(send("GET", path, null, null), status, parameter);
    }
}
