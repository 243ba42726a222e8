package io.keliu.gateway.dashboard.alerts;

import io.keliu.gateway.dashboard.DashboardTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DashboardTest(AlertsPage.class)
@EnableConfigurationProperties(MailCatcherProperties.class)
class AlertsPageTest {
    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(roles = "MARKETER")
    void aMarketerGetsTheFormsForSubscriptionsAndSilencesAndNoInboxOutsideTheLocalStack() throws Exception {
        mvc.perform(get("/alerts"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>告警 · ")))
                .andExpect(content().string(containsString("data-panel=\"subscriptions\"")))
                .andExpect(content().string(containsString("data-panel=\"silences\"")))
                .andExpect(content().string(containsString("data-panel=\"deliveries\"")))
                .andExpect(content().string(containsString("data-can-manage=\"true\"")))
                .andExpect(content().string(containsString("id=\"subscription-form\"")))
                .andExpect(content().string(containsString("id=\"silence-form\"")))
                .andExpect(content().string(containsString("<option value=\"WECOM_ROBOT\">企业微信群机器人</option>")))
                .andExpect(content().string(containsString("value=\"traffic.anomaly\"")))
                .andExpect(content().string(containsString("name=\"quietZone\" value=\"Asia/Shanghai\"")))
                .andExpect(content().string(containsString("\"alerts.subscriptions.empty\":")))
                .andExpect(content().string(containsString("src=\"/dashboard/alerts-")))
                .andExpect(content().string(not(containsString("data-panel=\"mail-catcher\""))));
    }

    @Test
    @WithMockUser(roles = "INTEGRATOR")
    void aRoleThatMayNotChangeSubscriptionsReadsAndIsToldWhy() throws Exception {
        mvc.perform(get("/alerts").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-can-manage=\"false\"")))
                .andExpect(content().string(containsString("needs the ADMIN, OPS or MARKETER role")))
                .andExpect(content().string(not(containsString("id=\"subscription-form\""))))
                .andExpect(content().string(not(containsString("id=\"silence-form\""))))
                .andExpect(content().string(containsString("data-panel=\"deliveries\"")));
    }

    @Nested
    @TestPropertySource(properties = "keliu.dashboard.mail-catcher-url=http://localhost:18025")
    class InTheLocalStack {

        @Test
        @WithMockUser(roles = "OPS")
        void theInboxPanelLinksTheMailCatchersPage() throws Exception {
            mvc.perform(get("/alerts"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-panel=\"mail-catcher\"")))
                    .andExpect(content().string(containsString("href=\"http://localhost:18025\"")))
                    .andExpect(content().string(containsString("id=\"mail-catcher-mails\"")));
        }
    }
}
