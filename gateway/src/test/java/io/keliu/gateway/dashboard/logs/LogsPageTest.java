package io.keliu.gateway.dashboard.logs;

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

/** The logs view's page: its panels and filters, with the log sources named in the page's language. */
@DashboardTest(LogsPage.class)
class LogsPageTest {
    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(username = "li.wei", roles = "OPS")
    void showsItsPanelsAndTheSourcesInTheChosenLanguage() throws Exception {
        mvc.perform(get("/logs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>日志 · 客流 Keliu</title>")))
                .andExpect(content().string(containsString("data-panel=\"error-rate\"")))
                .andExpect(content().string(containsString("data-panel=\"warning-rate\"")))
                .andExpect(content().string(containsString("data-panel=\"breakdown\"")))
                .andExpect(content().string(containsString("data-panel=\"spikes\"")))
                .andExpect(content().string(containsString("data-panel=\"top-errors\"")))
                .andExpect(content().string(containsString("<option value=\"minute\">分钟</option>")))
                .andExpect(content().string(containsString("<option value=\"SERVER\">服务器</option>")))
                .andExpect(content().string(containsString("src=\"/dashboard/logs-")));
        mvc.perform(get("/logs").param("lang", "en").param("source", "SERVER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Error spikes")))
                .andExpect(content().string(containsString("<option value=\"SERVER\">Server</option>")))
                .andExpect(content().string(not(containsString("错误激增"))));
    }
}
