package io.keliu.bench;

import jakarta.servlet.Filter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

import java.lang.reflect.Constructor;
import java.util.Arrays;

/**
 * The reference "without security" of {@link AuthOverheadBenchmark}: the Keliu gateway itself (its jar, routes, HTTP
 * client, metrics, database and API request log) with no request checked by Spring Security, so no API key, rate
 * limit, access rule or signed token. bench/security.sh runs it on the gateway's own classpath
 * ({@code -Dloader.path=bench/target/classes}); the gateway's classes are looked up by name, as this module cannot
 * compile against an executable jar.
 */
public final class OpenKeliuGateway {
    private static final String GATEWAY = "io.keliu.gateway.GatewayApplication";
    private static final String API_REQUEST_LOG = "io.keliu.gateway.apilog.ApiRequestLog";

    private OpenKeliuGateway() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        SpringApplication.run(new Class<?>[]{Class.forName(GATEWAY), Unchecked.class}, args);
    }

    /** Not a {@code @Configuration}: OpenGateway's component scan of this package must not find it. */
    static class Unchecked {
        /**
         * Every request passes Spring Security's filter untouched: an empty chain, tried before the gateway's chains
         * (a matcher of its own, as Spring Security refuses {@code anyRequest()} in front of other chains).
         */
        @Bean
        WebSecurityCustomizer checkNothing() {
            return web -> web.ignoring().requestMatchers(request -> true);
        }

        /**
         * The API request log sits in the gateway's security chain, which no request passes now; it is not security,
         * so the reference keeps it, as a filter of its own (a new instance, built from the gateway's beans).
         */
        @Bean
        FilterRegistrationBean<Filter> apiRequestLog(ApplicationContext context) throws ReflectiveOperationException {
            Constructor<?> constructor = Class.forName(API_REQUEST_LOG).getConstructors()[0];
            Object[] beans = Arrays.stream(constructor.getParameterTypes()).map(context::getBean).toArray();
            return new FilterRegistrationBean<>((Filter) constructor.newInstance(beans));
        }
    }
}
