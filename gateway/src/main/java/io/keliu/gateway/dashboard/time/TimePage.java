package io.keliu.gateway.dashboard.time;

import io.keliu.gateway.dashboard.Views;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /time} (时间维度): traffic over a range with 环比/同比 overlays, the forecast with its intervals and holiday
 * markers, a holiday against last year's, and the weekday × hour peaks with capacity warnings. Drawn by
 * {@code static/dashboard/time.js} from forecast-service's API.
 */
@Controller
class TimePage {

    @GetMapping("/time")
    String time(Model model) {
        return Views.page(model, "time");
    }
}
