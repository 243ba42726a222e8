package io.keliu.gateway.dashboard.overview;

import io.keliu.gateway.ServicesHealth;
import io.keliu.gateway.dashboard.DashboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DashboardTest(OverviewPage.class)
@WithMockUser(roles = "OPS")
class OverviewPageTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ServicesHealth health;

    @Test
    void thePageHasEveryPanelTheLegendAndTheScriptsCatalogue() throws Exception {
        mvc.perform(get("/overview"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>系统概览 · 客流 Keliu</title>")))
                .andExpect(content().string(containsString("data-panel=\"kpis\"")))
                .andExpect(content().string(containsString("data-panel=\"live\"")))
                .andExpect(content().string(containsString("data-panel=\"ticker\"")))
                .andExpect(content().string(containsString("data-panel=\"alerts\"")))
                .andExpect(content().string(containsString("data-panel=\"health\"")))
                .andExpect(content().string(containsString("data-panel=\"ingest\"")))
                .andExpect(content().string(containsString("红色 ▲ 上升")))
                .andExpect(content().string(containsString("\"overview.kpi.netRevenue\":\"净销售额\"")))
                .andExpect(content().string(containsString("src=\"/dashboard/overview-")));
    }

    @Test
    void theHealthPartialNamesEachServiceInThePagesLanguageAndProbesAtMostEveryFewSeconds() throws Exception {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("ingest", "UP");
        states.put("forecast", "DOWN (HTTP 503)");
        states.put("notify", "UNREACHABLE at http://localhost:8085/actuator/health");
        when(health.statuses()).thenReturn(states);

        mvc.perform(get("/overview/health"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("数据接入")))
                .andExpect(content().string(containsString("异常（HTTP 503）")))
                .andExpect(content().string(containsString("无法连接")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/overview/health").param("lang", "en"))
                .andExpect(content().string(containsString("Down (HTTP 503)")))
                .andExpect(content().string(containsString("Unreachable")))
                .andExpect(content().string(not(containsString("localhost:8085"))));
        verify(health, times(1)).statuses();
    }
}
