package io.keliu.ingest.status;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/ingest/status}: the ingest rate and lag the dashboard's overview shows. */
@RestController
class IngestStatusController {
    private final IngestStatus status;

    IngestStatusController(IngestStatus status) {
        this.status = status;
    }

    @Operation(summary = "Records taken per second over the last minute, and records waiting in the raw topics, by kind")
    @GetMapping("/api/v1/ingest/status")
    IngestStatus.Status status() {
        return status.status();
    }
}
