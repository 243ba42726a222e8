package io.keliu.gateway.dashboard;

import org.springframework.ui.Model;

/** How a view's controller renders its page: {@code return Views.page(model, "overview");}. */
public final class Views {
    /** The model attribute naming the view: its navigation entry, title, message bundle and script. */
    public static final String VIEW = "view";

    private Views() {
    }

    /** Marks the page as the given view and answers its template, {@code templates/dashboard/<view>.html}. */
    public static String page(Model model, String view) {
        model.addAttribute(VIEW, view);
        return "dashboard/" + view;
    }
}
