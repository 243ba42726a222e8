package io.keliu.orderanalytics.reports;

import io.keliu.orderanalytics.reports.TopProducts.TopProduct;
import io.keliu.orderanalytics.rollups.Dimension;
import io.keliu.orderanalytics.web.BadParameterException;
import io.keliu.orderanalytics.web.Parameters;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/v1/orders")
class OrderReportController {
    private final OrderReportService reports;
    private final TopProducts topProducts;
    private final Clock clock;

    OrderReportController(OrderReportService reports, TopProducts topProducts, Clock clock) {
        this.reports = reports;
        this.topProducts = topProducts;
        this.clock = clock;
    }

    @Operation(summary = "Order measures per hour, day, week or month, optionally by a dimension and compared with"
            + " the previous period (环比) or last year (同比)")
    @GetMapping("/report")
    OrderReport report(
            @Parameter(description = "date (2024-12-01) or date-time; default: today") @RequestParam(required = false) String from,
            @Parameter(description = "date (inclusive) or date-time (exclusive); default: end of today") @RequestParam(required = false) String to,
            @Parameter(description = "hour, day (default), week or month") @RequestParam(required = false) String granularity,
            @Parameter(description = "channel, orderType, status, province, country or category") @RequestParam(required = false) String groupBy,
            @Parameter(description = "previous or lastYear") @RequestParam(required = false) String compare) {
        Instant now = clock.instant();
        TimeRange range = Parameters.range("from", from, "to", to, reports.zone(), now);
        return reports.report(range, Parameters.word("granularity", granularity, Granularity.class, Granularity.DAY),
                groupBy(groupBy), Parameters.word("compare", compare, Comparison.class, null), now);
    }

    @Operation(summary = "The best-selling products of a range of days, by net revenue or units")
    @GetMapping("/top-products")
    List<TopProduct> topProducts(@RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @Parameter(description = "netRevenue (default) or units") @RequestParam(required = false) String by,
                                 @Parameter(description = "1–1000, default 10") @RequestParam(required = false) String limit) {
        TimeRange range = Parameters.range("from", from, "to", to, reports.zone(), clock.instant());
        return topProducts.top(range, Parameters.word("by", by, TopProducts.By.class, TopProducts.By.NET_REVENUE),
                Parameters.integer("limit", limit, 10, 1, 1000));
    }

    static Dimension groupBy(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Dimension dimension = Dimension.ofParameter(text.strip());
        if (dimension == null || !Dimension.REPORTED.contains(dimension)) {
            throw new BadParameterException("groupBy", "'" + text + "' is not one of " + Dimension.REPORTED.stream()
                    .map(Dimension::parameter).collect(Collectors.joining(", ")));
        }
        return dimension;
    }
}
