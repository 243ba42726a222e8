package io.keliu.notify.templates;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTemplatesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final AlertTemplates templates = new AlertTemplates(new TemplateProperties("https://keliu.example.com/", "科流"));

    /** Per type and language: the words only that type's template writes, proving its own template was used. */
    static Stream<Arguments> everyTypeInBothLanguages() {
        return Stream.of(
                Arguments.of(RealAlerts.trafficAnomaly(), "zh-CN", List.of("客流异常", "观测 **120**，预期 90（区间 80–100）", "查看时序")),
                Arguments.of(RealAlerts.trafficAnomaly(), "en", List.of("Traffic anomaly", "Observed **120**, expected 90 (range 80–100)", "Open the series")),
                Arguments.of(RealAlerts.errorSpike(), "zh-CN", List.of("错误激增", "错误 **342** 条，通常约 12 条", "查看日志")),
                Arguments.of(RealAlerts.errorSpike(), "en", List.of("Error spike", "**342** errors, usually about 12", "Open the logs")),
                Arguments.of(RealAlerts.valuableAtRisk(), "zh-CN", List.of("高价值客户流失风险", "风险客户 **37** 位，此前约 21 位", "查看客户")),
                Arguments.of(RealAlerts.valuableAtRisk(), "en", List.of("Valuable customers at risk", "**37** customers at risk, about 21 before")),
                Arguments.of(RealAlerts.segmentShift(), "zh-CN", List.of("客群变化", "当前 **24.5**，此前 18.25", "查看客群")),
                Arguments.of(RealAlerts.segmentShift(), "en", List.of("Segment shift", "Now **24.5**, 18.25 before")),
                Arguments.of(RealAlerts.reportPublished(), "zh-CN", List.of("报表已发布", "打开报表")),
                Arguments.of(RealAlerts.reportPublished(), "en", List.of("Report published", "Open the report")),
                Arguments.of(RealAlerts.complaintSpike(), "zh-CN", List.of("投诉激增", "投诉 **58** 条，通常约 9 条", "已恢复")),
                Arguments.of(RealAlerts.complaintSpike(), "en", List.of("Complaint spike", "**58** complaints, usually about 9", "resolved")));
    }

    @ParameterizedTest
    @MethodSource("everyTypeInBothLanguages")
    void rendersEachTypeWithItsOwnTemplate(Alert alert, String language, List<String> ownWords) {
        Rendered rendered = templates.render(List.of(alert), language, SHANGHAI, "");

        assertThat(rendered.markdown()).contains(ownWords).contains(alert.summary().in(language))
                .contains(alert.description().in(language))
                .contains("https://keliu.example.com" + alert.link());
        assertThat(rendered.shortText()).startsWith(language.equals("en") ? alert.severity().name() : "")
                .contains(ownWords.getFirst());
        assertThat(templates.signature().length() + rendered.shortText().length())
                .isLessThanOrEqualTo(AlertTemplates.SMS_LIMIT);
        assertThat(rendered.html()).contains("<a href=\"" + htmlEscaped("https://keliu.example.com" + alert.link()) + "\"")
                .contains(htmlEscaped(alert.summary().in(language)))
                .startsWith("<!DOCTYPE html>");
        assertThat(rendered.subject()).contains(alert.summary().in(language));
        assertThat(rendered.plainText()).isEqualTo(rendered.markdown());
    }

    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("=", "&#x3D;");
    }

    @Test
    void showsTimesInTheSubscribersZone() {
        Rendered rendered = templates.render(List.of(RealAlerts.trafficAnomaly()), "zh-CN", SHANGHAI, "");
        assertThat(rendered.markdown()).contains("开始于 2026-12-01 10:00");
    }

    @Test
    void aGroupIsOneMessageMostUrgentFirst() {
        Rendered rendered = templates.render(List.of(RealAlerts.trafficAnomaly(), RealAlerts.errorSpike(),
                RealAlerts.segmentShift()), "zh-CN", SHANGHAI, "region=广东省");

        assertThat(rendered.markdown()).startsWith("**科流告警 · region=广东省**（3 条）");
        assertThat(rendered.markdown().indexOf("订单服务错误激增"))
                .isLessThan(rendered.markdown().indexOf("广东省订单异常偏高"));
        assertThat(rendered.subject()).isEqualTo("[科流] 严重：订单服务错误激增 等 3 条");
        assertThat(rendered.shortText()).endsWith("等3条");
    }

    @Test
    void aLongSummaryIsShortenedSoTheSmsStaysInOneSegment() {
        Alert wordy = new Alert("a-long", 1, "traffic.anomaly", AlertSeverity.CRITICAL, AlertStatus.FIRING, "k",
                Map.of(), new Alert.Localized("内蒙古自治区呼和浩特市赛罕区线下门店".repeat(4), "x"),
                new Alert.Localized("d", "d"), Map.of(), null, null, "forecast-service", null);

        String sms = templates.render(List.of(wordy), "zh-CN", SHANGHAI, "").shortText();

        assertThat(("【科流】" + sms).length()).isEqualTo(AlertTemplates.SMS_LIMIT);
        assertThat(sms).startsWith("严重·客流异常：内蒙古").endsWith("…");
    }

    @Test
    void anUnknownTypeFallsBackToTheDefaultTemplate() {
        Alert other = new Alert("a-x", 1, "inventory.low", AlertSeverity.INFO, AlertStatus.FIRING, "k", Map.of(),
                new Alert.Localized("库存偏低", "Stock low"), new Alert.Localized("P1001 剩 3 件。", "3 left of P1001."),
                Map.of("observed", 3.0), null, null, "x", "/inventory");

        assertThat(templates.render(List.of(other), "en", SHANGHAI, "").markdown())
                .contains("Alert: Stock low", "Observed **3**", "Open in the dashboard");
    }
}
