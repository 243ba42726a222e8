package io.keliu.gateway.dashboard.region;

import io.keliu.gateway.dashboard.Views;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /region} (地区维度): orders by province on the China map with the drill-down to a province's cities, the
 * hot-region ranking and orders shipped abroad. The page's script ({@code dashboard/region.js}) reads forecast-service's
 * hot regions; its filters (range, province, level) live in the URL.
 */
@Controller
class RegionPage {

    @GetMapping("/region")
    String region(Model model) {
        return Views.page(model, "region");
    }
}
