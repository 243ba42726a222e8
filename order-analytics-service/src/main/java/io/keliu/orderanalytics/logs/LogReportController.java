package io.keliu.orderanalytics.logs;

import io.keliu.contracts.v1.LogSource;
import io.keliu.orderanalytics.PlatformProperties;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

@RestController
@RequestMapping("/api/v1/logs")
class LogReportController {
    /** The sources the counts hold: the contract's, and UNKNOWN for lines that named none. */
    private static final List<String> SOURCES = Stream.concat(Arrays.stream(LogSource.values()).map(Enum::name),
            Stream.of("UNKNOWN")).toList();

    private final LogReportService logs;
    private final SpikeHistory spikes;
    private final PlatformProperties platform;
    private final Clock clock;

    LogReportController(LogReportService logs, SpikeHistory spikes, PlatformProperties platform, Clock clock) {
        this.logs = logs;
        this.spikes = spikes;
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
                                              @Parameter(description = "API, SERVER, CLIENT, OTHER or UNKNOWN; default: all")
                                              @RequestParam(required = false) String source,
                                              @Parameter(description = "1–1000, default 10") @RequestParam(required = false) String limit) {
        return logs.topErrors(range(from, to), source(source), Parameters.integer("limit", limit, 10, 1, 1000));
    }

    @Operation(summary = "The error spikes of a range: minutes whose errors rose above the spike rule's threshold,"
            + " one spike per run of such minutes of a source, newest first")
    @GetMapping("/spikes")
    SpikeHistory.Spikes spikes(@RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @Parameter(description = "API, SERVER, CLIENT, OTHER or UNKNOWN; default: all")
                               @RequestParam(required = false) String source) {
        return spikes.spikes(range(from, to), source(source));
    }

    private TimeRange range(String from, String to) {
        return Parameters.range("from", from, "to", to, platform.zone(), clock.instant());
    }

    private static String source(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String source = text.strip().toUpperCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw new BadParameterException("source", "'" + text + "' is not one of "
                    + String.join(", ", SOURCES));
        }
        return source;
    }
}
