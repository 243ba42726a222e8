package io.keliu.orderanalytics.scheduled;

import io.keliu.orderanalytics.funnel.FunnelService;
import io.keliu.orderanalytics.logs.LogReportService.LogHealth;
import io.keliu.orderanalytics.reports.TopProducts.TopProduct;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A published report: the KPIs of the period with 环比 (change against the period before) and 同比 (against the same
 * period a year earlier), top products, channels, the funnel, and the health of the system logs.
 */
public record ReportDocument(String id, String kind, String zone, Instant from, Instant to, Instant createdAt,
                             Kpis kpis, List<TopProduct> topProducts, List<ChannelShare> channels,
                             FunnelService.Funnel funnel, LogHealth logs) {

    /** @param vsPrevious 环比 and {@code vsLastYear} 同比: relative changes, null where the base is zero */
    public record Kpis(Kpi current, Kpi previous, Kpi lastYear, Kpi vsPrevious, Kpi vsLastYear) {
    }

    /** In {@link Kpis#vsPrevious()} and {@link Kpis#vsLastYear()} every number is a relative change (0.1 = +10 %). */
    public record Kpi(Number orders, Number netRevenue, Number grossRevenue, Number refunds, Number averageOrderValue,
                      Number cancelledOrders, Number cancellationRate, Number refundedOrders, Number refundRate,
                      Number paymentLatencyP50Seconds) {
    }

    public record ChannelShare(String channel, long orders, BigDecimal netRevenue, Double shareOfNetRevenue) {
    }
}
