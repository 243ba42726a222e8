package io.keliu.forecast.forecasts;

import io.keliu.forecast.support.Api;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The breaks and make-up working days charts mark, as the State Council's notices (cn-mainland.csv) set them. */
@KeliuIntegrationTest
class HolidayCalendarApiTest {
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void breaksAndMakeUpDaysTouchingARangeAreListed() throws Exception {
        Api api = new Api(port, json);
        // 2026: Mid-Autumn Sep 25–27; National Day Oct 1–7, paid for by working Sunday Sep 20 and Saturday Oct 10
        JsonNode calendar = api.get("/api/v1/forecasts/calendar?from=2026-09-15&to=2026-09-30");
        assertThat(calendar.get("breaks").findValuesAsString("holiday")).containsExactly("mid-autumn", "national-day");
        JsonNode national = calendar.get("breaks").get(1);
        assertThat(national.get("first").asString()).isEqualTo("2026-10-01");
        assertThat(national.get("last").asString()).isEqualTo("2026-10-07");
        assertThat(national.get("makeupWorkdays").toString()).isEqualTo("[\"2026-09-20\",\"2026-10-10\"]");
        assertThat(calendar.get("holidays").toString()).contains("spring-festival", "labour-day", "national-day");
        assertThat(calendar.get("lastYear").asInt()).isGreaterThanOrEqualTo(2026);

        assertThat(api.get("/api/v1/forecasts/calendar?from=2026-07-01&to=2026-08-31").get("breaks")).isEmpty();
        api.problem("/api/v1/forecasts/calendar?from=2026-10-01&to=2026-09-01", 400, "to");
        api.problem("/api/v1/forecasts/calendar?from=yesterday&to=2026-09-01", 400, "from");
    }
}
