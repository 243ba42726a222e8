package io.keliu.gateway.dashboard.orders;

import io.keliu.gateway.dashboard.DashboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The orders view's page: its panels and filters, both languages, and the buttons only for roles that may use them. */
@DashboardTest(OrdersPage.class)
class OrdersPageTest {
    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(username = "li.wei", roles = "OPS")
    void showsItsPanelsFiltersAndScriptAndLetsOperatorsMakeReports() throws Exception {
        mvc.perform(get("/orders"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>订单 · 客流 Keliu</title>")))
                .andExpect(content().string(containsString("data-panel=\"trend\"")))
                .andExpect(content().string(containsString("data-panel=\"breakdown\"")))
                .andExpect(content().string(containsString("data-panel=\"funnel\"")))
                .andExpect(content().string(containsString("data-panel=\"cohorts\"")))
                .andExpect(content().string(containsString("data-panel=\"top-products\"")))
                .andExpect(content().string(containsString("data-panel=\"together\"")))
                .andExpect(content().string(containsString("data-panel=\"rules\"")))
                .andExpect(content().string(containsString("data-panel=\"reports\"")))
                .andExpect(content().string(containsString("<option value=\"orderType\">订单类型</option>")))
                .andExpect(content().string(containsString("name=\"granularity\"")))
                .andExpect(content().string(containsString("src=\"/dashboard/orders-")))
                .andExpect(content().string(containsString("\"orders.empty.reports\":\"还没有报表")))
                .andExpect(content().string(containsString("data-make-report")))
                .andExpect(content().string(containsString("data-refit")));
    }

    @Test
    @WithMockUser(username = "mei", roles = "MARKETER")
    void showsOthersTheReportsInEnglishWithoutTheButtonsTheServiceWouldRefuse() throws Exception {
        mvc.perform(get("/orders").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Conversion funnel")))
                .andExpect(content().string(containsString("Daily and weekly reports")))
                .andExpect(content().string(not(containsString("转化漏斗"))))
                .andExpect(content().string(not(containsString("data-make-report"))))
                .andExpect(content().string(not(containsString("data-refit"))));
    }
}
