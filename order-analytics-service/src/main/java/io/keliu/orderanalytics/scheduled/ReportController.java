package io.keliu.orderanalytics.scheduled;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.web.NotFoundException;
import io.keliu.orderanalytics.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

@RestController
@RequestMapping("/api/v1/reports")
class ReportController {
    private final ReportService reports;
    private final ReportStore store;
    private final PdfReport pdf;
    private final JsonMapper json;
    private final PlatformProperties platform;
    private final Clock clock;

    ReportController(ReportService reports, ReportStore store, PdfReport pdf, JsonMapper json,
                     PlatformProperties platform, Clock clock) {
        this.reports = reports;
        this.store = store;
        this.pdf = pdf;
        this.json = json;
        this.platform = platform;
        this.clock = clock;
    }

    enum Format implements Parameters.ApiWord { JSON, HTML, PDF }

    /** @param from date or date-time; @param to date (inclusive) or date-time (exclusive) */
    record RunRequest(String from, String to) {
    }

    enum Kind implements Parameters.ApiWord { DAILY, WEEKLY, CUSTOM }

    @Operation(summary = "The stored reports, newest first")
    @GetMapping
    List<ReportStore.Summary> list(@Parameter(description = "daily, weekly or custom; default: all")
                                   @RequestParam(required = false) String kind,
                                   @Parameter(description = "1–1000, default 50") @RequestParam(required = false) String limit) {
        Kind only = Parameters.word("kind", kind, Kind.class, null);
        return store.list(only == null ? null : only.word(), Parameters.integer("limit", limit, 50, 1, 1000));
    }

    @Operation(summary = "One report as JSON, HTML or PDF")
    @GetMapping("/{id}")
    ResponseEntity<?> report(@PathVariable String id,
                             @Parameter(description = "json (default), html or pdf") @RequestParam(required = false) String format) {
        Format as = Parameters.word("format", format, Format.class, Format.JSON);
        String body = store.body(id).orElseThrow(() -> new NotFoundException("no report '" + id + "'; report ids"
                + " look like daily-2026-11-30, weekly-2026-11-23 or custom-<uuid>: GET /api/v1/reports lists them"));
        return switch (as) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
            case HTML -> ResponseEntity.ok().contentType(new MediaType("text", "html",
                    java.nio.charset.StandardCharsets.UTF_8)).body(HtmlReport.render(json.readTree(body)));
            case PDF -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", "inline; filename=\"" + id + ".pdf\"")
                    .body(pdf.render(HtmlReport.render(json.readTree(body))));
        };
    }

    @Operation(summary = "Makes, stores and announces a report of a range now")
    @PostMapping
    ReportDocument run(@RequestBody(required = false) RunRequest request) {
        RunRequest range = request == null ? new RunRequest(null, null) : request;
        return reports.custom(Parameters.range("from", range.from(), "to", range.to(), platform.zone(),
                clock.instant()));
    }
}
