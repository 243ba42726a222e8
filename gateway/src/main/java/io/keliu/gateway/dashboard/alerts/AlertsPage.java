package io.keliu.gateway.dashboard.alerts;

import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.Role;
import io.keliu.gateway.dashboard.Views;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Set;

/**
 * {@code /alerts}: subscriptions, silences, the delivery log and, in the local stack, the mail catcher's inbox. Anyone
 * signed in reads them; the forms show only for the roles notify-service lets change them.
 */
@Controller
class AlertsPage {
    /** notify-service's rule (NotifyConfiguration): changes need one of these. */
    static final Set<String> MANAGING_ROLES = Set.of(Role.ADMIN.authority(), Role.OPS.authority(),
            Role.MARKETER.authority());
    /** The alert types of docs/contracts.md, offered as matchers. */
    static final List<String> ALERT_TYPES = List.of("traffic.anomaly", "logs.error-spike",
            "customers.valuable-at-risk", "customers.segment-shift", "reports.published", "feedback.complaint-spike");
    /** notify-service's ChannelKind and NotificationStatus, as the API names them. */
    static final List<String> CHANNELS = List.of("EMAIL", "WECOM_ROBOT", "WECOM_APP", "SMS");
    static final List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "DEAD", "UNKNOWN");
    static final List<String> SILENCE_DURATIONS = List.of("PT30M", "PT1H", "PT2H", "PT4H", "PT8H", "P1D", "P3D", "P7D");

    private final MailCatcherProperties mailCatcher;

    AlertsPage(MailCatcherProperties mailCatcher) {
        this.mailCatcher = mailCatcher;
    }

    @GetMapping("/alerts")
    String alerts(Model model, Authentication caller) {
        model.addAttribute("canManage", caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(MANAGING_ROLES::contains));
        model.addAttribute("mailCatcherUrl", mailCatcher.configured() ? mailCatcher.mailCatcherUrl() : null);
        model.addAttribute("alertTypes", ALERT_TYPES);
        model.addAttribute("severities", List.of(AlertSeverity.values()));
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("silenceDurations", SILENCE_DURATIONS);
        return Views.page(model, "alerts");
    }
}
