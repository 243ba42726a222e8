package io.keliu.orderanalytics.kpis;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

@RestController
class KpiController {
    private final KpiService kpis;
    private final PlatformProperties platform;
    private final Clock clock;

    KpiController(KpiService kpis, PlatformProperties platform, Clock clock) {
        this.kpis = kpis;
        this.platform = platform;
        this.clock = clock;
    }

    @Operation(summary = "Key figures of a range (orders, net revenue, average order value, active customers,"
            + " conversion, cancellation and refund rates) with the period before (环比) and last year (同比)")
    @GetMapping("/api/v1/orders/kpis")
    KpiService.Kpis kpis(
            @Parameter(description = "date (2024-12-01) or date-time; default: today") @RequestParam(required = false) String from,
            @Parameter(description = "date (inclusive) or date-time (exclusive); default: end of today") @RequestParam(required = false) String to) {
        Instant now = clock.instant();
        return kpis.kpis(Parameters.range("from", from, "to", to, platform.zone(), now), now);
    }
}
