package io.keliu.gateway.dashboard.admin;

import io.keliu.contracts.v1.Role;
import io.keliu.gateway.audit.AuditAction;
import io.keliu.gateway.dashboard.Views;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** {@code /admin} (ADMIN only, GatewaySecurity): users and roles, API keys, the audit log and file imports. */
@Controller
class AdminPage {
    /** What ingest imports ({@code POST /api/v1/imports/{kind}}). */
    static final List<String> IMPORT_KINDS = List.of("orders", "profiles", "logs", "feedback");
    static final List<String> KEY_VALIDITIES = List.of("P30D", "P90D", "P365D");

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("auditActions", List.of(AuditAction.values()));
        model.addAttribute("importKinds", IMPORT_KINDS);
        model.addAttribute("keyValidities", KEY_VALIDITIES);
        return Views.page(model, "admin");
    }
}
