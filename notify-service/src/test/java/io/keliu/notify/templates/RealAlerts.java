package io.keliu.notify.templates;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One alert of each type, as its producer publishes it (docs/contracts.md "Alerts"). */
public final class RealAlerts {
    private RealAlerts() {
    }

    public static Alert trafficAnomaly() {
        return new Alert("a-traffic", 1, "traffic.anomaly", AlertSeverity.WARNING, AlertStatus.FIRING,
                "traffic.anomaly/province:广东省/2026-12-01T10", Map.of("region", "广东省", "series", "province:广东省"),
                new Alert.Localized("广东省订单异常偏高", "Orders in 广东省 unusually high"),
                new Alert.Localized("10:00–11:00 观测 120 单，预测区间 80–100。", "Observed 120 orders 10:00–11:00, forecast 80–100."),
                Map.of("observed", 120.0, "expected", 90.0, "lower", 80.0, "upper", 100.0),
                Instant.parse("2026-12-01T02:00:00Z"), null, "forecast-service", "/time?series=province:广东省");
    }

    public static Alert errorSpike() {
        return new Alert("a-logs", 1, "logs.error-spike", AlertSeverity.CRITICAL, AlertStatus.FIRING,
                "logs.error-spike/order-service/2026-12-01T09", Map.of("source", "order-service"),
                new Alert.Localized("订单服务错误激增", "Errors in order-service spiking"),
                new Alert.Localized("09:00–10:00 记录 342 条 ERROR 日志，通常约 12 条。", "342 ERROR lines 09:00–10:00, usually about 12."),
                Map.of("observed", 342.0, "expected", 12.0),
                Instant.parse("2026-12-01T01:00:00Z"), null, "order-analytics-service", "/logs?level=ERROR");
    }

    public static Alert valuableAtRisk() {
        return new Alert("a-risk", 1, "customers.valuable-at-risk", AlertSeverity.WARNING, AlertStatus.FIRING,
                "customers.valuable-at-risk/segment:champions", Map.of("segment", "champions"),
                new Alert.Localized("重要价值客户中 37 位有流失风险", "37 champions at risk of churning"),
                new Alert.Localized("近 60 天未下单、历史消费前 10% 的客户增至 37 位。", "Top-decile customers without an order in 60 days rose to 37."),
                Map.of("observed", 37.0, "expected", 21.0),
                Instant.parse("2026-11-30T16:00:00Z"), null, "profile-service", "/customers?segment=champions&risk=high");
    }

    public static Alert segmentShift() {
        return new Alert("a-shift", 1, "customers.segment-shift", AlertSeverity.INFO, AlertStatus.FIRING,
                "customers.segment-shift/segment:new/2026-W48", Map.of("segment", "new"),
                new Alert.Localized("新客占比上升至 24.5%", "New customers up to 24.5%"),
                new Alert.Localized("本周新客占比 24.5%，上周 18.25%。", "New customers are 24.5% this week, 18.25% last week."),
                Map.of("observed", 24.5, "expected", 18.25),
                Instant.parse("2026-11-30T16:00:00Z"), null, "profile-service", "/segments/new");
    }

    public static Alert reportPublished() {
        return new Alert("a-report", 1, "reports.published", AlertSeverity.INFO, AlertStatus.FIRING,
                "reports.published/weekly/2026-W48", Map.of("report", "weekly"),
                new Alert.Localized("第 48 周销售周报已发布", "Weekly sales report for week 48 published"),
                new Alert.Localized("销售额 ¥1,284,300，环比 +6.2%。", "Revenue ¥1,284,300, up 6.2% on the week before."),
                Map.of(), Instant.parse("2026-11-30T16:00:00Z"), null, "order-analytics-service", "/reports/weekly/2026-W48");
    }

    public static Alert complaintSpike() {
        return new Alert("a-complaints", 1, "feedback.complaint-spike", AlertSeverity.CRITICAL, AlertStatus.RESOLVED,
                "feedback.complaint-spike/channel:WECHAT/2026-12-01", Map.of("channel", "WECHAT"),
                new Alert.Localized("微信渠道投诉激增", "Complaints via WeChat spiking"),
                new Alert.Localized("今日微信渠道投诉 58 条，通常约 9 条。", "58 complaints via WeChat today, usually about 9."),
                Map.of("observed", 58.0, "expected", 9.0),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T04:00:00Z"), "profile-service",
                "/feedback?channel=WECHAT");
    }

    public static List<Alert> ofEveryType() {
        return List.of(trafficAnomaly(), errorSpike(), valuableAtRisk(), segmentShift(), reportPublished(),
                complaintSpike());
    }
}
