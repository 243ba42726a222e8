package io.keliu.support.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reads every Authorization header as Spring Security's default resolver does: the same token, or the same error. */
class BearerTokensTest {
    private static final String SIGNED = "eyJraWQiOiJrMSIsImFsZyI6IkVTMjU2In0.eyJzdWIiOiJrZXk6MSJ9.MEUCIQ-_x";

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + SIGNED, "bearer " + SIGNED, "BEARER abc", "Bearer keliu_Ab-9_x~+/==",
            "Bearer abc=", "Bearer ==", "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc def",
            "Bearer a=b", "Bearer abc\t", "Bearer ab\"c", "Bearer 中文", "Basic dXNlcjpwYXNz", "Token abc", "", "Bear"})
    void readsTheHeaderAsSpringSecuritysDefaultDoes(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orders");
        request.addHeader("Authorization", authorization);
        assertSameOutcome(request);
    }

    /** A token in the query (GET) or a form body (POST) is not read, as the default does unless told to. */
    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void aTokenOutsideTheHeaderIsNotRead(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/orders");
        if (method.equals("POST")) {
            request.setContentType("application/x-www-form-urlencoded");
        }
        request.addParameter("access_token", SIGNED);
        assertThat(new BearerTokens().resolve(request)).isNull();
        assertSameOutcome(request);
    }

    private static void assertSameOutcome(MockHttpServletRequest request) {
        String expected = null;
        OAuth2AuthenticationException expectedError = catchThrowableOfType(OAuth2AuthenticationException.class,
                () -> new DefaultBearerTokenResolver().resolve(request));
        if (expectedError == null) {
            expected = new DefaultBearerTokenResolver().resolve(request);
        }
        OAuth2AuthenticationException error = catchThrowableOfType(OAuth2AuthenticationException.class,
                () -> new BearerTokens().resolve(request));
        if (expectedError != null) {
            assertThat(error).as("refused like the default").isNotNull();
            assertThat(error.getError().getErrorCode()).isEqualTo(expectedError.getError().getErrorCode());
            assertThat(error.getError().getDescription()).isEqualTo(expectedError.getError().getDescription());
        } else {
            assertThat(error).as("accepted like the default").isNull();
            assertThat(new BearerTokens().resolve(request)).isEqualTo(expected);
        }
    }
}
