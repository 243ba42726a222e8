package io.keliu.gateway.dashboard.region;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The region page behind the gateway's security: its panels, filters, script and messages in both languages. */
@DashboardTest(RegionPage.class)
class RegionPageTest {
    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(roles = "OPS")
    void showsTheMapTheCitiesTheHotRegionsAndTheCountriesWithTheirFilters() throws Exception {
        mvc.perform(get("/region"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>地区维度"),
                        containsString("data-panel=\"map\""), containsString("data-panel=\"cities\""),
                        containsString("data-panel=\"hot\""), containsString("data-panel=\"countries\""),
                        containsString("name=\"range\""), containsString("name=\"province\""),
                        containsString("name=\"level\""), containsString("class=\"legend\""),
                        containsString("src=\"/dashboard/region-"),
                        // the script's messages: the region bundle beside common
                        containsString("\"region.map.empty\""), containsString("各省订单"))));
    }

    @Test
    @WithMockUser(roles = "OPS")
    void speaksEnglishWhenChosen() throws Exception {
        mvc.perform(get("/region").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Orders by province"),
                        containsString("Orders from abroad"), not(containsString("各省订单")),
                        not(containsString("境外订单")))));
    }
}
