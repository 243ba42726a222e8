package io.keliu.gateway.dashboard.feedback;

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

/** The feedback view's page: its panels and status filter in both languages, for the roles that may read feedback. */
@DashboardTest(FeedbackPage.class)
class FeedbackPageTest {
    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(username = "li.wei", roles = "MARKETER")
    void showsTopicsTrendComplaintsAndSimilarInTheChosenLanguage() throws Exception {
        mvc.perform(get("/feedback"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>反馈 · 客流 Keliu</title>"),
                        containsString("data-view=\"feedback\" aria-current=\"page\""),
                        containsString("data-panel=\"topics\""), containsString("data-panel=\"kinds\""),
                        containsString("data-panel=\"complaints\""), containsString("data-panel=\"similar\""),
                        containsString("<option value=\"IN_PROGRESS\">处理中</option>"),
                        containsString("src=\"/dashboard/feedback-"))));
        mvc.perform(get("/feedback").param("lang", "en").param("status", "RESOLVED"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Similar complaints"),
                        containsString("<option value=\"RESOLVED\">Resolved</option>"),
                        not(containsString("相似投诉")))));
    }

    @Test
    @WithMockUser(username = "grafana", roles = "METRICS")
    void othersFindItNeitherInTheNavigationNorBehindItsAddress() throws Exception {
        mvc.perform(get("/feedback")).andExpect(status().isForbidden());
    }
}
