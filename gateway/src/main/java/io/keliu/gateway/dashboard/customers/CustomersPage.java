package io.keliu.gateway.dashboard.customers;

import io.keliu.contracts.v1.Role;
import io.keliu.gateway.dashboard.Views;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code /customers} (客户): search by id, segments with their audiences, the customer list, valuable customers at
 * risk and profile distributions; {@code /customers/{userId}} the 360° page of one customer. The scripts
 * ({@code dashboard/customers.js}, {@code customer.js}) read profile-service; the audience export shows only for the
 * roles profile-service lets export.
 */
@Controller
class CustomersPage {
    /** profile-service's rule for a segment's audience (ProfileApplication). */
    static final Set<String> AUDIENCE_ROLES = Set.of(Role.ADMIN.authority(), Role.MARKETER.authority());
    /** profile-service's LifecycleStage, in the customer's order of life. */
    static final List<String> LIFECYCLE_STAGES = List.of("PROSPECT", "NEW", "ACTIVE", "AT_RISK", "CHURNED",
            "WON_BACK");
    static final List<Double> CHURN_RISK_STEPS = List.of(0.3, 0.5, 0.7, 0.9);
    static final List<String> DISTRIBUTIONS = List.of("age", "gender", "province", "occupation", "income");

    /** The list page; with {@code id} (the search form without scripts) the customer's 360° page instead. */
    @GetMapping("/customers")
    String customers(@RequestParam(required = false) String id, Model model, Authentication caller) {
        if (id != null && !id.isBlank()) {
            return "redirect:/customers/" + UriUtils.encodePathSegment(id.strip(), StandardCharsets.UTF_8);
        }
        model.addAttribute("canExport", caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(AUDIENCE_ROLES::contains));
        model.addAttribute("lifecycleStages", LIFECYCLE_STAGES);
        model.addAttribute("churnRiskSteps", CHURN_RISK_STEPS);
        model.addAttribute("distributions", DISTRIBUTIONS);
        return Views.page(model, "customers");
    }

    @GetMapping("/customers/{userId}")
    String customer(@PathVariable String userId, Model model) {
        Views.page(model, "customers");
        model.addAttribute(Views.MODULE, "customer");
        model.addAttribute("userId", userId);
        return "dashboard/customer";
    }
}
