package io.keliu.gateway.dashboard.admin;

import io.keliu.gateway.dashboard.DashboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@DashboardTest(AdminPage.class)
class AdminPageTest {
    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser(roles = "ADMIN")
    void anAdministratorGetsUsersKeysAuditAndTheImport() throws Exception {
        mvc.perform(get("/admin").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-panel=\"users\"")))
                .andExpect(content().string(containsString("data-panel=\"api-keys\"")))
                .andExpect(content().string(containsString("data-panel=\"audit\"")))
                .andExpect(content().string(containsString("data-panel=\"import\" data-state=\"empty\"")))
                .andExpect(content().string(containsString("<option value=\"profiles\">Customer profiles</option>")))
                .andExpect(content().string(containsString("id=\"import-file\"")))
                .andExpect(content().string(containsString("<progress id=\"import-progress\"")))
                .andExpect(content().string(containsString("<option value=\"LOGIN_FAILED\">sign-in failed</option>")))
                .andExpect(content().string(containsString("value=\"INTEGRATOR\"")))
                .andExpect(content().string(containsString("\"admin.keys.createdWarning\":")))
                .andExpect(content().string(containsString("src=\"/dashboard/admin-")));
    }

    @Test
    @WithMockUser(roles = {"OPS", "MARKETER"})
    void anyoneElseIsRefusedThePage() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().isForbidden());
    }
}
