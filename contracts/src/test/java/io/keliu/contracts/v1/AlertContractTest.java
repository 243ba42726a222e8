package io.keliu.contracts.v1;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON shape of keliu.alerts.v1 (docs/contracts.md), as Jackson 3 writes and reads it. */
class AlertContractTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void alertHasTheDocumentedShapeAndRoundTrips() {
        Alert alert = new Alert("a-1", Alert.SCHEMA_VERSION, "traffic.anomaly", AlertSeverity.WARNING,
                AlertStatus.FIRING, "traffic.anomaly/province:广东省/2026-12-01T10", Map.of("region", "广东省"),
                new Alert.Localized("广东省订单异常偏高", "Orders in 广东省 unusually high"),
                new Alert.Localized("观测 120，预期 80–100。", "Observed 120, expected 80–100."),
                Map.of("observed", 120.0, "expected", 90.0, "lower", 80.0, "upper", 100.0),
                Instant.parse("2026-12-01T02:00:00Z"), null, "forecast-service", "/time?series=province:广东省");
        String text = json.writeValueAsString(alert);
        JsonNode tree = json.readTree(text);
        assertThat(tree.get("severity").asString()).isEqualTo("WARNING");
        assertThat(tree.get("summary").get("zhCN").asString()).isEqualTo("广东省订单异常偏高");
        assertThat(tree.get("values").get("observed").asDouble()).isEqualTo(120.0);
        assertThat(tree.get("startsAt").asString()).isEqualTo("2026-12-01T02:00:00Z");
        assertThat(tree.get("endsAt").isNull()).isTrue();
        assertThat(json.readValue(text, Alert.class)).isEqualTo(alert);
    }

    @Test
    void severitiesOrderByUrgencyAndTextsPickTheirLanguage() {
        assertThat(AlertSeverity.CRITICAL.atLeast(AlertSeverity.WARNING)).isTrue();
        assertThat(AlertSeverity.INFO.atLeast(AlertSeverity.WARNING)).isFalse();
        Alert.Localized text = new Alert.Localized("中", "en");
        assertThat(text.in("en-US")).isEqualTo("en");
        assertThat(text.in("zh-CN")).isEqualTo("中");
        assertThat(text.in(null)).isEqualTo("中");
    }
}
