package io.keliu.profile.segments;

import io.keliu.profile.web.NotFound;
import io.keliu.profile.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "segments", description = "Customer segments of the current refit and their audiences")
class SegmentController {
    private final SegmentQueries segments;

    SegmentController(SegmentQueries segments) {
        this.segments = segments;
    }

    enum Format { JSON, CSV }

    @GetMapping
    @Operation(summary = "Segments of the current refit, with plain-word names and descriptions in zh-CN and en")
    List<SegmentQueries.SegmentView> segments() {
        return segments.all();
    }

    @GetMapping("/{id}")
    SegmentQueries.SegmentView segment(@PathVariable int id) {
        return segments.one(id).orElseThrow(() -> new NotFound("no segment " + id + " in the current refit"));
    }

    @GetMapping("/{id}/customers")
    @Operation(summary = "The segment's customers (the audience export), streamed; CSV with format=csv."
            + " Phone, email and address are masked unless the caller may see personal data")
    ResponseEntity<StreamingResponseBody> customers(@PathVariable int id,
                                                    @RequestParam(defaultValue = "json") String format) {
        Format chosen = Parameters.choice("format", format, Format.class);
        if (segments.one(id).isEmpty()) {
            throw new NotFound("no segment " + id + " in the current refit");
        }
        boolean csv = chosen == Format.CSV;
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", csv ? "attachment; filename=segment-" + id + ".csv" : "inline")
                .body(out -> segments.stream(id, csv, out));
    }
}
