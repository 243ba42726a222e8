package io.keliu.orderanalytics.scheduled;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.funnel.FunnelService;
import io.keliu.orderanalytics.logs.LogReportService;
import io.keliu.orderanalytics.reports.Comparison;
import io.keliu.orderanalytics.reports.OrderReportService;
import io.keliu.orderanalytics.reports.TopProducts;
import io.keliu.orderanalytics.rollups.Dimension;
import io.keliu.orderanalytics.rollups.Measures;
import io.keliu.orderanalytics.scheduled.ReportDocument.ChannelShare;
import io.keliu.orderanalytics.scheduled.ReportDocument.Kpi;
import io.keliu.orderanalytics.scheduled.ReportDocument.Kpis;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Gathers what a report shows for a period, from the same services as the API. */
@Component
public class ReportBuilder {
    private static final int TOP = 10;

    private final OrderReportService reports;
    private final TopProducts topProducts;
    private final FunnelService funnel;
    private final LogReportService logs;
    private final PlatformProperties platform;

    public ReportBuilder(OrderReportService reports, TopProducts topProducts, FunnelService funnel,
                         LogReportService logs, PlatformProperties platform) {
        this.reports = reports;
        this.topProducts = topProducts;
        this.funnel = funnel;
        this.logs = logs;
        this.platform = platform;
    }

    public ReportDocument build(String id, String kind, TimeRange range, Instant now) {
        Kpi current = kpi(total(range));
        Kpi previous = kpi(total(Comparison.PREVIOUS.of(range, platform.zone())));
        Kpi lastYear = kpi(total(Comparison.LAST_YEAR.of(range, platform.zone())));
        return new ReportDocument(id, kind, platform.zone().getId(), range.from(), range.to(), now,
                new Kpis(current, previous, lastYear, change(current, previous), change(current, lastYear)),
                topProducts.top(range, TopProducts.By.NET_REVENUE, TOP), channels(range),
                funnel.funnel(range, null), logs.health(range, TOP));
    }

    private Measures total(TimeRange range) {
        return reports.totals(range, Dimension.ALL).getOrDefault("", Measures.zero());
    }

    private List<ChannelShare> channels(TimeRange range) {
        Map<String, Measures> byChannel = reports.totals(range, Dimension.CHANNEL);
        BigDecimal net = byChannel.values().stream().map(Measures::netRevenue).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        List<ChannelShare> channels = new ArrayList<>();
        byChannel.forEach((channel, m) -> channels.add(new ChannelShare(channel, m.orders(), m.netRevenue(),
                net.signum() == 0 ? null : m.netRevenue().doubleValue() / net.doubleValue())));
        channels.sort((a, b) -> b.netRevenue().compareTo(a.netRevenue()));
        return channels;
    }

    static Kpi kpi(Measures m) {
        long orders = m.orders();
        return new Kpi(orders, m.netRevenue(), m.grossRevenue(), m.refunds(),
                orders == 0 ? null : m.netRevenue().divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP),
                m.cancelledOrders(), orders == 0 ? null : (double) m.cancelledOrders() / orders, m.refundedOrders(),
                orders == 0 ? null : (double) m.refundedOrders() / orders, m.latency().quantile(0.5));
    }

    /** Relative change of every number of {@code now} against {@code base}; null where either is missing or zero. */
    static Kpi change(Kpi now, Kpi base) {
        return new Kpi(rel(now.orders(), base.orders()), rel(now.netRevenue(), base.netRevenue()),
                rel(now.grossRevenue(), base.grossRevenue()), rel(now.refunds(), base.refunds()),
                rel(now.averageOrderValue(), base.averageOrderValue()),
                rel(now.cancelledOrders(), base.cancelledOrders()),
                rel(now.cancellationRate(), base.cancellationRate()),
                rel(now.refundedOrders(), base.refundedOrders()), rel(now.refundRate(), base.refundRate()),
                rel(now.paymentLatencyP50Seconds(), base.paymentLatencyP50Seconds()));
    }

    private static Double rel(Number now, Number base) {
        if (now == null || base == null || base.doubleValue() == 0) {
            return null;
        }
        return (now.doubleValue() - base.doubleValue()) / Math.abs(base.doubleValue());
    }
}
