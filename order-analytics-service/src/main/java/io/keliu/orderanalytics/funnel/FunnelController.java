package io.keliu.orderanalytics.funnel;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
class FunnelController {
    private final FunnelService funnel;
    private final PlatformProperties platform;
    private final Clock clock;

    FunnelController(FunnelService funnel, PlatformProperties platform, Clock clock) {
        this.funnel = funnel;
        this.platform = platform;
        this.clock = clock;
    }

    @Operation(summary = "Orders placed in a range reaching created → paid → shipped → completed, with drop-off and"
            + " median time per step")
    @GetMapping("/api/v1/orders/funnel")
    FunnelService.Funnel funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @Parameter(description = "channel or province") @RequestParam(required = false) String groupBy) {
        return funnel.funnel(Parameters.range("from", from, "to", to, platform.zone(), clock.instant()),
                Parameters.word("groupBy", groupBy, FunnelService.GroupBy.class, null));
    }
}
