package io.keliu.gateway.dashboard;

import io.keliu.gateway.users.User;
import io.keliu.gateway.users.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Our sign-in form (Spring Security's form login processes it): after a failure it says whether the account is now
 * locked, and until when in the platform zone, instead of only "wrong user name or password".
 */
@Controller
public class LoginPage {
    static final String LAST_USERNAME = LoginPage.class.getName() + ".username";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final UserRepository users;
    private final PlatformZone zone;
    private final Clock clock;

    LoginPage(UserRepository users, PlatformZone zone, Clock clock) {
        this.users = users;
        this.zone = zone;
        this.clock = clock;
    }

    /** Remembers who tried, for the page to tell about their lock-out, then goes back to the form. */
    public static SimpleUrlAuthenticationFailureHandler failureHandler() {
        return new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                                AuthenticationException failure) throws IOException,
                    jakarta.servlet.ServletException {
                String username = request.getParameter("username");
                if (username != null && username.length() <= 64) {
                    request.getSession().setAttribute(LAST_USERNAME, username);
                }
                super.onAuthenticationFailure(request, response, failure);
            }
        };
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute(Views.VIEW, "login");
        HttpSession session = request.getSession(false);
        if (request.getParameter("error") == null || session == null) {
            return "login";
        }
        String username = (String) session.getAttribute(LAST_USERNAME);
        model.addAttribute("username", username);
        Instant now = clock.instant();
        Instant lockedUntil = username == null ? null : users.findByUsername(username)
                .filter(user -> user.isLockedAt(now)).map(User::getLockedUntil).orElse(null);
        if (lockedUntil != null) {
            model.addAttribute("lockedUntil", UNTIL.format(lockedUntil.atZone(zone.zone())));
        } else if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException) {
            model.addAttribute("locked", true);
        } else {
            model.addAttribute("failed", true);
        }
        return "login";
    }
}
