package io.keliu.gateway.dashboard.orders;

import io.keliu.gateway.dashboard.Views;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /orders} (订单): the order report by channel, order type, status and region, the funnel, retention by
 * first-order month, top products with what is bought together with them, the basket rules, and the daily and weekly
 * reports as PDF. Drawn by {@code static/dashboard/orders.js} from order-analytics-service's API; the buttons that
 * change something (make a report, read the baskets again) show only to ADMIN and OPS, as the service allows.
 */
@Controller
class OrdersPage {

    @GetMapping("/orders")
    String orders(Model model) {
        return Views.page(model, "orders");
    }
}
