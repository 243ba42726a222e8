package io.keliu.orderanalytics.logs;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.web.Parameters;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

@RestController
@RequestMapping("/api/v1/logs")
class LogReportController {
    private final LogReportService logs;
    private final PlatformProperties platform;
    private final Clock clock;

    LogReportController(LogReportService logs, PlatformProperties platform, Clock clock) {
        this.logs = logs;
        this.platform = platform;
        this.clock = clock;
    }

    @Operation(summary = "Log lines with error and warning rates per minute, hour or day, by source, type or level")
    @GetMapping("/report")
    LogReportService.LogReport report(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @Parameter(description = "minute, hour (default) or day") @RequestParam(required = false) String granularity,
            @Parameter(description = "source, logType or level") @RequestParam(required = false) String groupBy) {
        return logs.report(range(from, to), Parameters.word("granularity", granularity,
                        LogReportService.Granularity.class, LogReportService.Granularity.HOUR),
                Parameters.word("groupBy", groupBy, LogReportService.GroupBy.class, null));
    }

    @Operation(summary = "The most frequent error messages, grouped by template (numbers and ids masked)")
    @GetMapping("/top-errors")
    List<LogReportService.TopError> topErrors(@RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @Parameter(description = "1–1000, default 10") @RequestParam(required = false) String limit) {
        return logs.topErrors(range(from, to), Parameters.integer("limit", limit, 10, 1, 1000));
    }

    private TimeRange range(String from, String to) {
        return Parameters.range("from", from, "to", to, platform.zone(), clock.instant());
    }
}
