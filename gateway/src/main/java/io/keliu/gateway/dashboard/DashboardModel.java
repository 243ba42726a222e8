package io.keliu.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** What every dashboard page's layout shows: navigation for the user's roles, the platform zone, the language. */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {
    /** The views in navigation order; some only for some roles ({@link Views#mayOpen}). */
    static final List<String> VIEWS = List.of("overview", "time", "region", "customers", "orders", "logs", "alerts",
            "feedback", "admin");

    private final PlatformZone zone;
    private final MessageBundles bundles;
    private final Clock clock;
    private final StaticModules modules;

    DashboardModel(PlatformZone zone, MessageBundles bundles, Clock clock, StaticModules modules) {
        this.zone = zone;
        this.bundles = bundles;
        this.clock = clock;
        this.modules = modules;
    }

    /** The layout's import map and module preloads: {@code ${modules.importMap()}}, {@code ${modules.preloads(view)}}. */
    @ModelAttribute("modules")
    StaticModules modules() {
        return modules;
    }

    /** The layout renders the scripts' catalogue with it: {@code ${bundles.json(view, #locale)}}. */
    @ModelAttribute("bundles")
    MessageBundles bundles() {
        return bundles;
    }

    @ModelAttribute("navigation")
    List<String> navigation(Authentication user) {
        return VIEWS.stream().filter(view -> Views.mayOpen(view, user)).toList();
    }

    @ModelAttribute("zone")
    String zone() {
        return zone.zone().getId();
    }

    @ModelAttribute("zoneLabel")
    String zoneLabel() {
        return zone.label(clock.instant());
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return Languages.tag(locale);
    }

    /** The same page in zh-CN, keeping its filters. */
    @ModelAttribute("langZhHref")
    String chineseHref(HttpServletRequest request) {
        return withLanguage(request, "zh-CN");
    }

    /** The same page in English, keeping its filters. */
    @ModelAttribute("langEnHref")
    String englishHref(HttpServletRequest request) {
        return withLanguage(request, "en");
    }

    private static String withLanguage(HttpServletRequest request, String language) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam(Languages.PARAMETER, language).build().toUriString();
    }
}
