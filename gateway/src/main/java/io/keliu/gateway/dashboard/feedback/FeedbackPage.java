package io.keliu.gateway.dashboard.feedback;

import io.keliu.gateway.dashboard.Views;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * {@code /feedback} (客户反馈): complaint topics with their growth, cases by kind over time, the complaints of a status
 * (of a topic) and, for the complaint opened, its most similar ones. Drawn by {@code static/dashboard/feedback.js} from
 * profile-service's feedback API; for ADMIN, OPS and MARKETER ({@link Views#mayOpen}).
 */
@Controller
class FeedbackPage {
    static final String VIEW = "feedback";
    /** profile-service's FeedbackStatus, the list's filter. */
    static final List<String> STATUSES = List.of("OPEN", "IN_PROGRESS", "RESOLVED");

    @GetMapping("/feedback")
    String feedback(Model model, Authentication user) {
        if (!Views.mayOpen(VIEW, user)) {
            throw new AccessDeniedException("the feedback view needs the ADMIN, OPS or MARKETER role");
        }
        model.addAttribute("statuses", STATUSES);
        return Views.page(model, VIEW);
    }
}
