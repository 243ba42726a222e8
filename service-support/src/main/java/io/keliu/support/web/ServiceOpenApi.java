package io.keliu.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every service's OpenAPI document says alike: callers authenticate at the gateway with an API key (bearer) or a
 * login session, and every operation may answer 400, 401 and 403 as problem details.
 */
public final class ServiceOpenApi {
    public static final String PROBLEM_SCHEMA = "ProblemDetail";
    public static final String API_KEY_SCHEME = "apiKey";

    private ServiceOpenApi() {
    }

    public static OpenAPI document(String serviceName) {
        return new OpenAPI()
                .info(new Info().title("Keliu " + serviceName).version("v1")
                        .license(new License().name("GPL-3.0-or-later")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("An API key from POST /api/v1/api-keys, sent to the gateway.")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
    }

    /** Adds the shared error answers to each operation that does not document them itself. */
    public static OpenApiCustomizer errorResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                responses.putIfAbsent("400", problem("The request is malformed; detail names the parameter."));
                responses.putIfAbsent("401", problem("No valid credential."));
                responses.putIfAbsent("403", problem("The caller's roles do not allow this."));
                operation.setResponses(responses);
            }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Parameter 'from' must be a LocalDate; 'x' is not one."))
                .addProperty("instance", new StringSchema().example("/api/v1/example"));
    }
}
