package io.keliu.forecast.live;

import io.keliu.forecast.api.Parameters;
import io.keliu.forecast.traffic.Dimension;
import io.keliu.forecast.traffic.TrafficCounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The last minutes of traffic, and the live stream. */
@RestController
@RequestMapping("/api/v1/traffic")
public class LiveController {
    private final LiveReader reader;
    private final LiveStream stream;
    private final Clock clock;

    LiveController(LiveReader reader, LiveStream stream, Clock clock) {
        this.reader = reader;
        this.stream = stream;
        this.clock = clock;
    }

    public record Minute(Instant start, TrafficCounts counts,
                         @Schema(description = "page views and app opens in the minute (docs/traffic.md \"Visits\")")
                         long visits) {
    }

    public record Live(Instant from, Instant to, List<Minute> minutes, TrafficCounts total,
                       Map<String, TrafficCounts> byProvince, Map<String, TrafficCounts> byChannel,
                       @Schema(description = "the window's visits") long visits,
                       @Schema(description = "the window's visits per channel the logs name (\"\" for none)")
                       Map<String, Long> visitsByChannel) {
    }

    /** Per-minute counts of the last {@code minutes} minutes (the current minute included, zeros where quiet). */
    @Operation(summary = "The last minutes of traffic and visits, with totals by province and channel")
    @GetMapping("/live")
    public Live live(@RequestParam(required = false) String minutes) {
        int window = Parameters.integer("minutes", minutes, 60, 1, 48 * 60);
        Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant from = to.minus(window, ChronoUnit.MINUTES);
        Map<Instant, TrafficCounts> counted = reader.minutes(from, to);
        Map<Instant, Long> visits = reader.visitMinutes(from, to);
        List<Minute> perMinute = new ArrayList<>();
        for (Instant minute = from; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            perMinute.add(new Minute(minute, counted.getOrDefault(minute, TrafficCounts.ZERO),
                    visits.getOrDefault(minute, 0L)));
        }
        Map<String, TrafficCounts> byProvince = reader.totals(Dimension.PROVINCE, from, to);
        TrafficCounts total = reader.totals(Dimension.TOTAL, from, to).getOrDefault("", TrafficCounts.ZERO);
        return new Live(from, to, perMinute, total, byProvince, reader.totals(Dimension.CHANNEL, from, to),
                visits.values().stream().mapToLong(Long::longValue).sum(), reader.visitsByChannel(from, to));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return stream.subscribe(lastEventId);
    }
}
