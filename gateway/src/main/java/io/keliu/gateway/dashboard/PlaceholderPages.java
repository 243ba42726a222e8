package io.keliu.gateway.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The views not built yet, so that navigation reaches every one. A view's own controller ({@code @GetMapping("/region")})
 * takes precedence over this pattern; remove the view from it when adding the controller.
 */
@Controller
class PlaceholderPages {

    @GetMapping("/{view:feedback}")
    String placeholder(@PathVariable String view, Model model) {
        Views.page(model, view);
        return "dashboard/placeholder";
    }
}
