package io.keliu.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How long a browser keeps a static file: a year, immutable, at a content-versioned URL ({@code app-<md5>.js}: a changed
 * file gets another URL); otherwise it asks again each time and gets 304 Not Modified while the file is unchanged.
 * (Spring Security marks every response it finds without this header no-store, so each page load would fetch
 * ECharts' megabyte and every module again.)
 */
class StaticCaching implements HandlerInterceptor {
    private static final Pattern VERSIONED = Pattern.compile("-[0-9a-f]{32}\\.[^/.]+$");
    private static final String VERSIONED_POLICY = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
            .getHeaderValue();
    private static final String PLAIN_POLICY = CacheControl.noCache().getHeaderValue();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof ResourceHttpRequestHandler) {
            response.setHeader(HttpHeaders.CACHE_CONTROL,
                    VERSIONED.matcher(request.getRequestURI()).find() ? VERSIONED_POLICY : PLAIN_POLICY);
        }
        return true;
    }
}
