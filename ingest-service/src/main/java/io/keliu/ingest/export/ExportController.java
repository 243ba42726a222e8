package io.keliu.ingest.export;

import io.keliu.ingest.PlatformProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/v1/ingest/export/{orders|profiles|logs|feedback}?from=YYYY-MM-DD&to=YYYY-MM-DD}: the stored
 * records as a CSV file of the import format, streamed page by page, so that the analytics CLI (and any tool that
 * reads imports) can run on what the platform holds, and importing the file again changes nothing.
 */
@RestController
@RequestMapping("/api/v1/ingest/export")
class ExportController {
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ExportWriter writer;
    private final PlatformProperties platform;

    ExportController(ExportWriter writer, PlatformProperties platform) {
        this.writer = writer;
        this.platform = platform;
    }

    @GetMapping("/{kind}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String kind,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        ExportTable table = ExportTable.ALL.stream().filter(t -> t.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new ExportRefused("there is no export of '" + kind
                        + "'; use orders, profiles, logs or feedback"));
        Instant start = from == null ? null : startOf(day(from, "from"));
        Instant end = to == null ? null : startOf(day(to, "to").plusDays(1));
        if (start != null && end != null && !start.isBefore(end)) {
            throw new ExportRefused("from (" + from + ") is after to (" + to + ")");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind + ".csv\"")
                .body(out -> writer.write(table, start, end, out));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(platform.zone()).toInstant();
    }

    private static LocalDate day(String text, String parameter) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ExportRefused(parameter + " is not a date; write it as YYYY-MM-DD (got '" + text + "')");
        }
    }

    @ExceptionHandler(ExportRefused.class)
    ProblemDetail refused(ExportRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    static final class ExportRefused extends RuntimeException {
        ExportRefused(String message) {
            super(message);
        }
    }
}
