package io.keliu.gateway.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * The dashboard speaks zh-CN, or English when chosen ({@code ?lang=en}, remembered in the {@code keliu-lang}
 * cookie for a year); any other choice reads as zh-CN, so that no page mixes in a language it has no messages for.
 */
public class Languages extends CookieLocaleResolver {
    public static final String COOKIE = "keliu-lang";
    public static final String PARAMETER = "lang";

    public Languages() {
        super(COOKIE);
        setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieSameSite("Lax");
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return supported(super.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale == null ? null : supported(locale));
    }

    public static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** {@code zh-CN} or {@code en}: the page's {@code lang} attribute and what scripts format with. */
    public static String tag(Locale locale) {
        return supported(locale).toLanguageTag();
    }

    /** {@code _zh_CN} or {@code _en}: the bundle file's suffix. */
    static String suffix(Locale locale) {
        return "_" + supported(locale);
    }
}
