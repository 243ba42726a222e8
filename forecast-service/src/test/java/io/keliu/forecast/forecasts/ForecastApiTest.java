package io.keliu.forecast.forecasts;

import io.keliu.forecast.support.Api;
import io.keliu.forecast.support.DailyTraffic;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@KeliuIntegrationTest
class ForecastApiTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Forecaster forecaster;
    Api api;

    @BeforeEach
    void history() {
        api = new Api(port, json);
        LocalDate yesterday = forecaster.lastCompleteDay();
        DailyTraffic.insert(jdbc, ZONE, "TOTAL", "", yesterday.minusDays(199), yesterday, DailyTraffic.weekly(200, 1));
        DailyTraffic.insert(jdbc, ZONE, "PROVINCE", "广东省", yesterday.minusDays(199), yesterday,
                DailyTraffic.weekly(60, 2));
        DailyTraffic.insert(jdbc, ZONE, "PROVINCE", "西藏自治区", yesterday.minusDays(9), yesterday,
                DailyTraffic.weekly(3, 3));
        // mostly empty: one old day with orders, then the last 10 days
        DailyTraffic.insert(jdbc, ZONE, "PROVINCE", "海南省", yesterday.minusDays(99), yesterday.minusDays(99),
                day -> 5);
        DailyTraffic.insert(jdbc, ZONE, "PROVINCE", "海南省", yesterday.minusDays(9), yesterday,
                DailyTraffic.weekly(40, 4));
        forecaster.refreshAll(); // forecasts another test class stored for the same series are stale now
    }

    @Test
    void forecastsWithTwoIntervalsTheChosenModelAndItsBacktest() throws Exception {
        JsonNode forecast = api.get("/api/v1/forecasts?series=total&horizon=28");
        assertThat(forecast.get("points")).hasSize(28);
        assertThat(forecast.get("points").get(0).get("date").asString())
                .isEqualTo(forecaster.lastCompleteDay().plusDays(1).toString());
        for (JsonNode point : forecast.get("points")) {
            assertThat(point.get("lower95").asDouble()).isLessThanOrEqualTo(point.get("lower80").asDouble());
            assertThat(point.get("lower80").asDouble()).isLessThanOrEqualTo(point.get("value").asDouble());
            assertThat(point.get("value").asDouble()).isLessThanOrEqualTo(point.get("upper80").asDouble());
            assertThat(point.get("upper80").asDouble()).isLessThanOrEqualTo(point.get("upper95").asDouble());
            assertThat(point.get("value").asDouble()).isBetween(120.0, 320.0);
        }
        JsonNode backtest = forecast.get("backtest");
        assertThat(backtest.get("basis").asString()).isEqualTo("rolling-origin");
        assertThat(backtest.get("mase").asDouble()).isPositive();
        assertThat(backtest.get("naiveMase").asDouble()).isPositive();
        assertThat(forecast.get("candidates").toString()).contains(forecast.get("model").asString());

        JsonNode shortHistory = api.get("/api/v1/forecasts?series=province:西藏自治区&horizon=7");
        assertThat(shortHistory.get("model").asString()).isEqualTo("naive");
        assertThat(shortHistory.get("backtest").get("basis").asString()).startsWith("none: 10 days");

        // 100 days are enough to back-test, 11 with orders too few for an accuracy figure
        JsonNode mostlyEmpty = api.get("/api/v1/forecasts?series=province:%E6%B5%B7%E5%8D%97%E7%9C%81&horizon=7");
        assertThat(mostlyEmpty.get("points")).hasSize(7);
        JsonNode notMeasured = mostlyEmpty.get("backtest");
        assertThat(notMeasured.get("basis").asString()).isEqualTo("rolling-origin; accuracy not measured: "
                + "11 days with orders, an honest figure needs 70");
        assertThat(notMeasured.get("mase").isNull()).isTrue();
        assertThat(notMeasured.get("naiveMase").isNull()).isTrue();
        assertThat(notMeasured.get("coverage80").isNull()).isTrue();
    }

    @Test
    void refreshForecastsEverySeriesWithEnoughHistory() throws Exception {
        JsonNode refreshed = api.ok(api.send("POST", "/api/v1/forecasts/refresh", null, null));
        assertThat(refreshed.get("series").toString()).contains("total", "province:广东省")
                .doesNotContain("西藏自治区");
    }

    /**
     * The peaks list exactly the next 28 forecast days whose 95 % upper bound exceeds a region's capacity, LIKELY where
     * the forecast itself does: the total's capacity is its middle upper bound (some days over, some not), Guangdong's
     * just below its busiest forecast day (at least one LIKELY). A region without orders gets no days.
     */
    @Test
    void capacityPlanListsTheForecastDaysOverTheConfiguredCapacity() throws Exception {
        JsonNode total = api.get("/api/v1/forecasts?series=total&horizon=28").get("points");
        JsonNode guangdong = api.get("/api/v1/forecasts?series=province:%E5%B9%BF%E4%B8%9C%E7%9C%81&horizon=28")
                .get("points");
        double[] uppers = total.valueStream().mapToDouble(point -> point.get("upper95").asDouble()).sorted().toArray();
        int totalCapacity = (int) Math.floor(uppers[uppers.length / 2]);
        int guangdongCapacity = (int) Math.ceil(guangdong.valueStream()
                .mapToDouble(point -> point.get("value").asDouble()).max().orElseThrow()) - 1;
        api.ok(api.send("PUT", "/api/v1/capacity", "application/json", "{\"total\": " + totalCapacity
                + ", \"广东省\": " + guangdongCapacity + ", \"火星省\": 10}"));

        JsonNode plan = api.get("/api/v1/traffic/peaks?from=2026-03-01&to=2026-03-07").get("capacity");
        assertThat(daysOver(total, totalCapacity)).as("a capacity that splits the forecast").isNotEmpty()
                .hasSizeLessThan(28);
        assertThat(daysOver(guangdong, guangdongCapacity)).anyMatch(day -> day.endsWith("LIKELY"));
        assertPlan(plan, "total", totalCapacity, daysOver(total, totalCapacity));
        assertPlan(plan, "广东省", guangdongCapacity, daysOver(guangdong, guangdongCapacity));
        assertPlan(plan, "火星省", 10, List.of());
        assertThat(region(plan, "火星省").get("note").asString()).startsWith("no forecast");
        api.problem(api.send("PUT", "/api/v1/capacity", "application/json", "{\"total\": 0}"), 400, "total");
    }

    /** The forecast days over capacity by hand: date and LIKELY (forecast over) or POSSIBLE (only its upper bound). */
    private static List<String> daysOver(JsonNode points, int capacity) {
        List<String> days = new ArrayList<>();
        for (JsonNode point : points) {
            if (point.get("upper95").asDouble() > capacity) {
                days.add(point.get("date").asString() + " "
                        + (point.get("value").asDouble() > capacity ? "LIKELY" : "POSSIBLE"));
            }
        }
        return days;
    }

    private static void assertPlan(JsonNode plan, String name, int capacity, List<String> expected) {
        JsonNode region = region(plan, name);
        assertThat(region.get("capacity").asInt()).isEqualTo(capacity);
        assertThat(region.get("daysNeedingExtraCapacity").asInt()).as(name).isEqualTo(expected.size());
        assertThat(region.get("days").valueStream().map(day -> day.get("date").asString() + " "
                + day.get("risk").asString()).toList()).as(name).isEqualTo(expected);
    }

    private static JsonNode region(JsonNode plan, String name) {
        return plan.valueStream().filter(region -> region.get("region").asString().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void unknownSeriesAndBadHorizonAreRefused() throws Exception {
        JsonNode problem = api.problem("/api/v1/forecasts?series=planet:mars", 404, "series");
        assertThat(problem.get("detail").asString()).contains("province:", "channel:", "total");
        api.problem("/api/v1/forecasts?series=province:火星省", 404, "series");
        api.problem("/api/v1/forecasts?series=total&horizon=0", 400, "horizon");
        api.problem("/api/v1/forecasts?series=total&horizon=500", 400, "horizon");
    }

    @Test
    void aBadRegressorFileIsRefusedWithLinesAndTheOldOneStays() throws Exception {
        api.ok(api.send("PUT", "/api/v1/forecasts/regressors", "text/csv",
                "date,name,value\n2026-01-01,promotion,1\n2026-01-02,promotion,0\n"));
        JsonNode problem = api.problem(api.send("PUT", "/api/v1/forecasts/regressors", "text/csv",
                "date,name,value\n2026-01-01,temperature,3.5\n2026-01-02,temperature,warm\n2026-01-05,temperature,1\n"),
                400, "body");
        assertThat(problem.get("errors").toString()).contains("\"line\":3", "\"field\":\"value\"", "not a number")
                .contains("\"line\":4", "no value for 2026-01-02 to 2026-01-04");
        assertThat(jdbc.queryForList("SELECT DISTINCT name FROM forecast.regressors", String.class))
                .containsExactly("promotion");
    }

    @Test
    void holidayBesideTheSameHolidayLastYear() throws Exception {
        JsonNode answer = api.get("/api/v1/forecasts/holidays?holiday=national-day&year=2026&series=total");
        assertThat(answer.get("first").asString()).isEqualTo("2026-10-01");
        assertThat(answer.get("days").get(0).get("position").asString()).startsWith("National Day lead-in");
        api.problem("/api/v1/forecasts/holidays?holiday=christmas&year=2026", 400, "holiday");
    }
}
