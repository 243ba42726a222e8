package io.keliu.gateway.dashboard.time;

import io.keliu.gateway.dashboard.DashboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DashboardTest(TimePage.class)
@WithMockUser(roles = "MARKETER")
class TimePageTest {
    @Autowired
    MockMvc mvc;

    @Test
    void thePageHasItsFiltersPanelsAndEnglishWhenAskedFor() throws Exception {
        mvc.perform(get("/time").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Time · Keliu</title>")))
                .andExpect(content().string(containsString("name=\"granularity\"")))
                .andExpect(content().string(containsString("<option value=\"lastYear\">Same period last year</option>")))
                .andExpect(content().string(containsString("data-panel=\"trend\"")))
                .andExpect(content().string(containsString("data-panel=\"forecast\"")))
                .andExpect(content().string(containsString("data-panel=\"holiday\"")))
                .andExpect(content().string(containsString("data-panel=\"peaks\"")))
                // the panel header fragment: the title the section names, the line the script fills, the form
                .andExpect(content().string(containsString("<h2 id=\"trend-title\">Orders over time</h2>")))
                .andExpect(content().string(containsString("data-trend-summary=")))
                .andExpect(content().string(containsString("id=\"holiday-filters\"")))
                .andExpect(content().string(containsString("\"time.holidayName.national-day\":\"National Day\"")));
    }
}
