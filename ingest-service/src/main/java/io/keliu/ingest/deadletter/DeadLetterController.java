package io.keliu.ingest.deadletter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/ingest/dead-letters}: every record ingest refused, newest first, with its reason. An import's
 * summary lists the first faults; {@code ?source=import <id>} lists all of that import's rejected lines.
 */
@RestController
class DeadLetterController {
    private static final int MAX_PAGE = 1_000;

    private final JdbcClient jdbc;

    DeadLetterController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredDeadLetter(long id, String kind, String source, Long line, String reason, String payload,
                            Instant receivedAt) {
    }

    @GetMapping("/api/v1/ingest/dead-letters")
    List<StoredDeadLetter> deadLetters(@RequestParam(required = false) String kind,
                                       @RequestParam(required = false) String source,
                                       @RequestParam(defaultValue = "100") int limit,
                                       @RequestParam(defaultValue = "0") long offset) {
        return jdbc.sql("""
                        SELECT id, kind, source, line, reason, payload, received_at FROM ingest.dead_letters
                        WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                          AND (CAST(:source AS text) IS NULL OR source = :source)
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("kind", kind).param("source", source)
                .param("limit", Math.clamp(limit, 1, MAX_PAGE)).param("offset", Math.max(offset, 0))
                .query(StoredDeadLetter.class).list();
    }
}
