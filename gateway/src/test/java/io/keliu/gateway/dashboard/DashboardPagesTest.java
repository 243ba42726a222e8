package io.keliu.gateway.dashboard;

import io.keliu.contracts.v1.Role;
import io.keliu.gateway.users.User;
import io.keliu.gateway.users.UserRepository;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard's pages behind the gateway's real security: sign-in, languages, navigation by role. */
@DashboardTest(LoginPage.class)
@Import(DashboardPagesTest.SamplePage.class)
class DashboardPagesTest {

    /** A view as every view's controller makes one (the real views have tests of their own). */
    @Controller
    static class SamplePage {
        @GetMapping("/sample")
        String sample(Model model) {
            Views.page(model, "overview");
            return "dashboard/placeholder";
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserRepository users;

    /** The zone's id in the header: English place names, read as English and not translated on either page. */
    private static final String ZONE_AS_IDENTIFIER = "<span lang=\"en\" translate=\"no\">Asia/Shanghai (UTC+8)</span>";

    @Test
    void theSignInPageIsChineseByDefaultAndEnglishBySwitchRememberedInACookie() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")))
                .andExpect(content().string(containsString("用户名")))
                .andExpect(content().string(containsString(">时区</span>")))
                .andExpect(content().string(containsString(ZONE_AS_IDENTIFIER)))
                .andExpect(content().string(containsString("name=\"_csrf\" type=\"hidden\" value=\"")))
                .andExpect(content().string(not(containsString("User name"))));

        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(cookie().value(Languages.COOKIE, "en"))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("User name")))
                .andExpect(content().string(containsString(">Time zone</span>")))
                .andExpect(content().string(containsString(ZONE_AS_IDENTIFIER)))
                .andExpect(content().string(not(containsString("用户名"))));

        mvc.perform(get("/login").cookie(new Cookie(Languages.COOKIE, "en")))
                .andExpect(content().string(containsString("Sign in")));
        mvc.perform(get("/login").param("lang", "fr"))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\"")));
    }

    /** Every view of the navigation, the pages views link to, and a view as the sample makes one. */
    static Stream<String> pages() {
        return Stream.concat(DashboardModel.VIEWS.stream().map(view -> "/" + view),
                Stream.of("/customers/U100001", "/overview/health", "/admin/users", "/sample"));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pagesNeedASignIn(String page) throws Exception {
        mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void scriptsAndStylesNeedNoSignInWhileTheApiAnswersAProblem() throws Exception {
        mvc.perform(get("/dashboard/dashboard.css")).andExpect(status().isOk());
        mvc.perform(get("/dashboard/lib/api.js")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/orders/report"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    }

    /**
     * Static files at content-versioned URLs, kept a year; a page's import map sends each module's plain URL (as the
     * modules import one another) to its versioned one, and the page preloads its view's static import graph — the
     * overview's without ECharts, which it imports on demand.
     */
    @Test
    @WithMockUser(username = "li.wei", roles = "OPS")
    void modulesAreVersionedPreloadedAndKeptByTheBrowser() throws Exception {
        String page = mvc.perform(get("/sample")).andReturn().getResponse().getContentAsString();
        Matcher api = Pattern.compile("\"/dashboard/lib/api\\.js\":\"(/dashboard/lib/api-[0-9a-f]{32}\\.js)\"")
                .matcher(page);
        assertThat(api.find()).as(page).isTrue();
        assertThat(page).containsPattern("\"echarts\":\"/webjars/echarts/[0-9.]+/echarts\\.esm\\.min-[0-9a-f]{32}\\.js\"");
        List<String> preloads = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\"").matcher(page)
                .results().map(found -> found.group(1)).toList();
        assertThat(preloads).contains(api.group(1)).anyMatch(url -> url.matches("/dashboard/overview-[0-9a-f]{32}\\.js"))
                .anyMatch(url -> url.startsWith("/dashboard/lib/data-table-"))
                .noneMatch(url -> url.contains("charts") || url.contains("echarts"));

        mvc.perform(get(api.group(1)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
                .andExpect(content().string(containsString("export async function request")));
        mvc.perform(get("/dashboard/lib/api.js"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-cache"));
    }

    @Test
    @WithMockUser(username = "li.wei", roles = "OPS")
    void theRootOpensTheOverviewAndNavigationLeavesOutAdminForOthersThanAdministrators() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/overview"));
        mvc.perform(get("/sample"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>系统概览 · 客流 Keliu</title>")))
                .andExpect(content().string(matchesPattern("(?s).*<a [^>]*href=\"/overview\"[^>]*aria-current=\"page\".*")))
                .andExpect(content().string(containsString("href=\"/region\"")))
                .andExpect(content().string(containsString("href=\"/alerts\"")))
                .andExpect(content().string(containsString("href=\"/feedback\"")))
                .andExpect(content().string(not(containsString("href=\"/admin\""))))
                .andExpect(content().string(containsString("li.wei")))
                .andExpect(content().string(containsString("id=\"messages\"")));
        mvc.perform(get("/admin")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "grafana", roles = "METRICS")
    void navigationLeavesOutTheViewsTheRolesDoNotOpen() throws Exception {
        mvc.perform(get("/sample"))
                .andExpect(content().string(containsString("href=\"/alerts\"")))
                .andExpect(content().string(not(containsString("href=\"/feedback\""))))
                .andExpect(content().string(not(containsString("href=\"/admin\""))));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void administratorsSeeAdminAndTheLanguageLinksKeepTheFilters() throws Exception {
        mvc.perform(get("/sample?range=last7"))
                .andExpect(content().string(containsString("href=\"/admin\"")))
                .andExpect(content().string(containsString("href=\"/sample?range=last7&amp;lang=en\"")));
    }

    @Test
    void aLockedAccountIsToldUntilWhenInThePlatformZone() throws Exception {
        User locked = new User("mei", "{noop}x", Set.of(Role.OPS));
        Instant until = LocalDateTime.of(2099, 1, 2, 3, 4).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        locked.loginFailed(1, until);
        when(users.findByUsername("mei")).thenReturn(Optional.of(locked));
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(LoginPage.LAST_USERNAME, "mei");
        session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("wrong"));

        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("2099-01-02 03:04")))
                .andExpect(content().string(containsString("data-login=\"locked\"")));
        mvc.perform(get("/login").param("error", "").param("lang", "en").session(session))
                .andExpect(content().string(containsString("locked after too many wrong passwords until 2099-01-02 03:04")));

        when(users.findByUsername("mei")).thenReturn(Optional.empty());
        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("data-login=\"failed\"")))
                .andExpect(content().string(not(containsString("data-login=\"locked\""))));
    }

    @Test
    void aFailedSignInReturnsToTheFormRememberingWhoTried() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("username", "nobody").param("password", "wrong")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        org.assertj.core.api.Assertions.assertThat(session.getAttribute(LoginPage.LAST_USERNAME)).isEqualTo("nobody");
    }
}
