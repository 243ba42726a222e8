package io.keliu.gateway.dashboard.customers;

import io.keliu.gateway.dashboard.DashboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customers pages behind the gateway's security: the list page's panels and filters, the audience export only
 * for the roles profile-service lets export, the search, and the 360° page of one customer.
 */
@DashboardTest(CustomersPage.class)
class CustomersPageTest {
    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(roles = "MARKETER")
    void marketersMayExportAudiences() throws Exception {
        mvc.perform(get("/customers"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-panel=\"segments\""), containsString("data-panel=\"customers\""),
                        containsString("data-panel=\"at-risk\""), containsString("data-panel=\"dist-age\""),
                        containsString("data-panel=\"dist-gender\""), containsString("data-panel=\"dist-province\""),
                        containsString("data-panel=\"dist-occupation\""), containsString("data-panel=\"dist-income\""),
                        containsString("name=\"segment\""), containsString("name=\"lifecycle\""),
                        containsString("name=\"minChurnRisk\""), containsString("name=\"sort\""),
                        containsString("value=\"AT_RISK\""), containsString("data-can-export=\"true\""),
                        containsString("src=\"/dashboard/customers-"),
                        not(containsString("class=\"panel-note muted\">导出人群需要")))));
    }

    @Test
    @WithMockUser(roles = "OPS")
    void othersAreToldWhoMayExport() throws Exception {
        mvc.perform(get("/customers").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-can-export=\"false\""),
                        containsString("class=\"panel-note muted\">Exporting an audience needs the MARKETER or ADMIN role."),
                        containsString("Valuable customers at risk"), not(containsString("客户分群")))));
    }

    @Test
    @WithMockUser(roles = "OPS")
    void theSearchOpensTheCustomersPageWhoseIdIsShownAsData() throws Exception {
        mvc.perform(get("/customers").param("id", " U 1/2 "))
                .andExpect(redirectedUrl("/customers/U%201%2F2"));
        mvc.perform(get("/customers/{id}", "<em>U100231"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-user-id=\"&lt;em&gt;U100231\""),
                        not(containsString("<em>U100231")),
                        containsString("data-panel=\"profile\""), containsString("data-panel=\"value\""),
                        containsString("data-panel=\"segment\""), containsString("data-panel=\"churn\""),
                        containsString("data-panel=\"orders\""), containsString("data-panel=\"preferences\""),
                        containsString("没有客户 &lt;em&gt;U100231："),
                        containsString("src=\"/dashboard/customer-"),
                        // the page's own script's imports preloaded, not the customers view's
                        containsString("<link rel=\"modulepreload\" href=\"/dashboard/customer-"),
                        not(containsString("<link rel=\"modulepreload\" href=\"/dashboard/customers-")))));
    }
}
