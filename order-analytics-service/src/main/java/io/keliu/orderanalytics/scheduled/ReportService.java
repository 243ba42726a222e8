package io.keliu.orderanalytics.scheduled;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.alerts.AlertPublisher;
import io.keliu.orderanalytics.scheduled.ReportDocument.Kpi;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Makes reports: yesterday's every morning, last week's (Monday to Sunday) every Monday, and any range on request.
 * Each is stored as JSON and announced with an INFO alert {@code reports.published} carrying its summary.
 */
@Service
public class ReportService {
    public static final String ALERT_TYPE = "reports.published";

    private final ReportBuilder builder;
    private final ReportStore store;
    private final AlertPublisher alerts;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;

    public ReportService(ReportBuilder builder, ReportStore store, AlertPublisher alerts, JsonMapper json,
                         Clock clock, PlatformProperties platform) {
        this.builder = builder;
        this.store = store;
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Scheduled(cron = "${keliu.reports.daily-cron:0 0 8 * * *}", zone = "${keliu.zone:Asia/Shanghai}")
    public ReportDocument daily() {
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        return publish("daily-" + yesterday, "daily", days(yesterday, yesterday.plusDays(1)));
    }

    @Scheduled(cron = "${keliu.reports.weekly-cron:0 0 8 * * MON}", zone = "${keliu.zone:Asia/Shanghai}")
    public ReportDocument weekly() {
        LocalDate monday = LocalDate.now(clock.withZone(zone)).minusWeeks(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return publish("weekly-" + monday, "weekly", days(monday, monday.plusWeeks(1)));
    }

    /** A report of any range, made now. */
    public ReportDocument custom(TimeRange range) {
        return publish("custom-" + UUID.randomUUID(), "custom", range);
    }

    private TimeRange days(LocalDate from, LocalDate to) {
        return new TimeRange(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
    }

    private ReportDocument publish(String id, String kind, TimeRange range) {
        Instant now = clock.instant();
        ReportDocument report = builder.build(id, kind, range, now);
        store.save(id, kind, range.from(), range.to(), now, json.writeValueAsString(report));
        alerts.publish(announcement(report));
        return report;
    }

    private AlertPublisher.Draft announcement(ReportDocument report) {
        Kpi current = report.kpis().current();
        Kpi vsPrevious = report.kpis().vsPrevious();
        String period = LocalDate.ofInstant(report.from(), zone) + (report.kind().equals("daily") ? ""
                : " – " + LocalDate.ofInstant(report.to().minusNanos(1), zone));
        String kindZh = switch (report.kind()) {
            case "daily" -> "日报";
            case "weekly" -> "周报";
            default -> "报表";
        };
        String change = vsPrevious.netRevenue() == null ? "" : String.format(Locale.ROOT, "%+.1f%%",
                vsPrevious.netRevenue().doubleValue() * 100);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("orders", current.orders().doubleValue());
        values.put("netRevenue", current.netRevenue().doubleValue());
        values.put("cancelledOrders", current.cancelledOrders().doubleValue());
        values.put("refundedOrders", current.refundedOrders().doubleValue());
        if (vsPrevious.netRevenue() != null) {
            values.put("netRevenueVsPrevious", vsPrevious.netRevenue().doubleValue());
        }
        String money = String.format(Locale.ROOT, "¥%,.2f", current.netRevenue().doubleValue());
        return new AlertPublisher.Draft(ALERT_TYPE, AlertSeverity.INFO, AlertStatus.FIRING,
                ALERT_TYPE + "/" + report.id(), Map.of("report", report.id(), "kind", report.kind()),
                new Alert.Localized("经营" + kindZh + " " + period + "：订单 " + current.orders() + "，净收入 " + money
                        + (change.isEmpty() ? "" : "（环比 " + change + "）"),
                        report.kind() + " report " + period + ": " + current.orders() + " orders, net revenue " + money
                                + (change.isEmpty() ? "" : " (" + change + " vs previous)")),
                new Alert.Localized("取消订单 " + current.cancelledOrders() + "，退款订单 " + current.refundedOrders()
                        + "。完整报表：/api/v1/reports/" + report.id() + "?format=pdf",
                        "Cancelled orders " + current.cancelledOrders() + ", refunded orders "
                                + current.refundedOrders() + ". Full report: /api/v1/reports/" + report.id()
                                + "?format=pdf"),
                values, report.createdAt(), null, "/orders?report=" + report.id());
    }
}
