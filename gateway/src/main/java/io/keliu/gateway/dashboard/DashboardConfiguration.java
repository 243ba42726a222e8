package io.keliu.gateway.dashboard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import java.nio.charset.StandardCharsets;

/** The dashboard's languages, messages, zone and static modules, and {@code /} opening the overview. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformZone.class)
class DashboardConfiguration implements WebMvcConfigurer {

    @Bean
    MessageSource messageSource(MessageBundles bundles) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(bundles.baseNames());
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // a missing message must show, not turn into the server's language
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    StaticModules staticModules(ResourceUrlProvider mvcResourceUrlProvider) {
        return new StaticModules(mvcResourceUrlProvider);
    }

    @Bean
    LocaleResolver localeResolver() {
        return new Languages();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(Languages.PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
        registry.addInterceptor(new StaticCaching()).addPathPatterns("/dashboard/**", "/webjars/**");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/overview");
    }
}
