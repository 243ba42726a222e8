package io.keliu.notify.channels;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs one HTTP call to a provider and turns transport trouble into a {@link SendResult}. */
public final class ProviderCalls {
    private ProviderCalls() {
    }

    /**
     * @param call     performs the request and returns the response body
     * @param answered reads a 2xx body into the provider's verdict
     */
    public static SendResult call(Supplier<String> call, Function<String, SendResult> answered) {
        try {
            return answered.apply(call.get());
        } catch (RestClientResponseException e) {
            String answer = "HTTP " + e.getStatusCode().value() + " " + abbreviate(e.getResponseBodyAsString());
            // a 4xx is the provider refusing this request; a 5xx or 429 may pass later
            boolean retryable = e.getStatusCode().is5xxServerError() || e.getStatusCode().value() == 429;
            return new SendResult.Failed("HTTP_" + e.getStatusCode().value(), answer, retryable);
        } catch (ResourceAccessException e) {
            if (notSent(e)) {
                return new SendResult.Failed("UNREACHABLE", "provider unreachable: " + rootMessage(e), true);
            }
            return new SendResult.Ambiguous("no answer from the provider: " + rootMessage(e));
        }
    }

    /** Failures that happen before a request can have reached the provider, so a resend cannot duplicate it. */
    private static boolean notSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    public static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
