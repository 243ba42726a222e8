package io.keliu.ingest.summary;

import io.keliu.ingest.store.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * {@code GET /api/v1/ingest/summary}: what the system of record holds, and when it last took something; the quick way
 * to see data flowing in.
 */
@RestController
class IngestSummaryController {
    private final JdbcClient jdbc;

    IngestSummaryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Orders(long lines, long orders, long anonymousLines, long customers, Instant lastIngestedAt) {
    }

    record Table(long rows, Instant lastIngestedAt) {
    }

    record Summary(Orders orders, Table profiles, Table logs, Table feedback, Table deadLetters) {
    }

    @GetMapping("/api/v1/ingest/summary")
    Summary summary() {
        Orders orders = jdbc.sql("""
                        SELECT count(*), count(DISTINCT order_id), count(*) FILTER (WHERE anonymous),
                               count(DISTINCT user_id), max(ingested_at) FROM ingest.order_lines""")
                .query((row, n) -> new Orders(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        Columns.instant(row, 5)))
                .single();
        return new Summary(orders, table("ingest.profiles", "ingested_at"), table("ingest.system_logs", "ingested_at"),
                table("ingest.feedback", "ingested_at"), table("ingest.dead_letters", "received_at"));
    }

    private Table table(String name, String timeColumn) {
        return jdbc.sql("SELECT count(*), max(" + timeColumn + ") FROM " + name)
                .query((row, n) -> new Table(row.getLong(1), Columns.instant(row, 2))).single();
    }
}
