package io.keliu.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.keliu.gateway.apilog.ApiRequestLog;
import io.keliu.support.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket (bucket4j) per API key and per user: each API request takes one token, whatever its size (an import
 * is one request). An empty bucket answers 429 with {@code Retry-After}, the whole seconds until a token is back.
 * Dashboard pages and their scripts, styles and map are the gateway's own files, costing the services nothing, and are
 * not counted: a page load fetches a dozen of them, and counting them would throttle a person clicking through views.
 * The API calls a page makes are counted like any other.
 */
public class RateLimits extends OncePerRequestFilter {
    private final RateLimitProperties limits;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(RateLimitProperties limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ApiRequestLog.CALLER, caller.getName());
        ConsumptionProbe probe = buckets.computeIfAbsent(caller.getName(), name -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "More than %d requests/s (bursts of %d)"
                .formatted(limits.requestsPerSecond(), limits.burst()) + " from this caller; retry after " + seconds
                + " s.");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.burst())
                        .refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
