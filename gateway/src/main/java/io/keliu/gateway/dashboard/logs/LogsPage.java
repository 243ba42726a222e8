package io.keliu.gateway.dashboard.logs;

import io.keliu.gateway.dashboard.Views;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /logs} (日志): error and warning rates over time and by source or log type, the error spikes over errors per
 * minute, and the most frequent error templates. Drawn by {@code static/dashboard/logs.js} from order-analytics-service's
 * API; the error-spike alerts link here ({@code /logs?source=SERVER}).
 */
@Controller
class LogsPage {

    @GetMapping("/logs")
    String logs(Model model) {
        return Views.page(model, "logs");
    }
}
