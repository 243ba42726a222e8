package io.keliu.notify.alerts;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.notify.NotifyTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every alert taken, subscribed to or not, listed in its latest state for the dashboard. */
class AlertListTest extends NotifyTestSupport {

    @Test
    void eachConditionIsListedOnceInItsLatestStateNewestFirstAndFilteredBySeverityAndStatus() {
        Alert warning = alert("list-test/province:浙江省", AlertSeverity.WARNING, AlertStatus.FIRING,
                Map.of("region", "浙江省"));
        Alert critical = alert("list-test/province:广东省", AlertSeverity.CRITICAL, AlertStatus.FIRING,
                Map.of("region", "广东省"));
        publish(warning);
        await("the warning listed", () -> listed("/api/v1/alerts?limit=500", warning.dedupeKey()) != null);
        publish(critical);
        await("the critical alert listed", () -> listed("/api/v1/alerts?limit=500", critical.dedupeKey()) != null);

        JsonNode all = api("GET", "/api/v1/alerts?limit=500", null).body();
        assertThat(all.findValuesAsString("dedupeKey").indexOf(critical.dedupeKey()))
                .isLessThan(all.findValuesAsString("dedupeKey").indexOf(warning.dedupeKey()));
        JsonNode shown = listed("/api/v1/alerts?limit=500", critical.dedupeKey());
        assertThat(shown.path("summary").path("en").asString()).isEqualTo("list-test/province:广东省 unusual");
        assertThat(shown.path("link").asString()).isEqualTo("/time");
        assertThat(shown.path("updatedAt").asString()).isNotBlank();
        assertThat(listed("/api/v1/alerts?severity=CRITICAL&limit=500", warning.dedupeKey())).isNull();

        publish(alert(warning.dedupeKey(), AlertSeverity.WARNING, AlertStatus.RESOLVED, Map.of("region", "浙江省")));
        await("the warning resolved", () -> "RESOLVED".equals(listed("/api/v1/alerts?limit=500", warning.dedupeKey())
                .path("status").asString()));
        assertThat(api("GET", "/api/v1/alerts?limit=500", null).body().findValuesAsString("dedupeKey"))
                .containsOnlyOnce(warning.dedupeKey());
        assertThat(listed("/api/v1/alerts?status=FIRING&limit=500", warning.dedupeKey())).isNull();

        Answer bad = api("GET", "/api/v1/alerts?limit=0", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("field").asString()).isEqualTo("limit");
    }

    private JsonNode listed(String path, String dedupeKey) {
        for (JsonNode alert : api("GET", path, null).body()) {
            if (alert.path("dedupeKey").asString().equals(dedupeKey)) {
                return alert;
            }
        }
        return null;
    }
}
