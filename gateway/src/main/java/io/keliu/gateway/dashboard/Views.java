package io.keliu.gateway.dashboard;

import io.keliu.contracts.v1.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;

import java.util.Map;
import java.util.Set;

/** How a view's controller renders its page: {@code return Views.page(model, "overview");}. */
public final class Views {
    /** The model attribute naming the view: its navigation entry, title, message bundle and script. */
    public static final String VIEW = "view";
    /** The model attribute naming the page's script where it is not the view's: {@code static/dashboard/<module>.js}. */
    public static final String MODULE = "module";

    /** Views only some roles may open; navigation leaves them out for everybody else, their pages answer 403. */
    private static final Map<String, Set<Role>> RESTRICTED = Map.of(
            "admin", Set.of(Role.ADMIN),
            "feedback", Set.of(Role.ADMIN, Role.OPS, Role.MARKETER));

    private Views() {
    }

    /** Whether the user's roles open the view. */
    public static boolean mayOpen(String view, Authentication user) {
        Set<Role> roles = RESTRICTED.get(view);
        return roles == null || user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> roles.stream().map(Role::authority).anyMatch(authority::equals));
    }

    /** Marks the page as the given view and answers its template, {@code templates/dashboard/<view>.html}. */
    public static String page(Model model, String view) {
        model.addAttribute(VIEW, view);
        return "dashboard/" + view;
    }
}
