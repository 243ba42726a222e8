package io.keliu.profile.feedback;

import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.profile.ProfileProperties;
import io.keliu.profile.web.BadParameter;
import io.keliu.profile.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/feedback")
@Tag(name = "feedback", description = "Customer service interactions: inquiries, feedback, complaints, praise")
class FeedbackController {
    private final JdbcClient jdbc;
    private final ProfileProperties properties;

    FeedbackController(JdbcClient jdbc, ProfileProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    record Page(long total, List<Interactions.Interaction> items) {
    }

    @GetMapping
    @Operation(summary = "Cases filtered by kind, status and the day they were raised (from/to inclusive, in the"
            + " platform's zone), newest first")
    Page feedback(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        LocalDate first = from == null ? null : Parameters.date("from", from);
        LocalDate last = to == null ? null : Parameters.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new BadParameter("to", "'" + to + "' is before from (" + from + ")");
        }
        Filter filter = new Filter(kind == null ? null : Parameters.choice("kind", kind, FeedbackKind.class),
                status == null ? null : Parameters.choice("status", status, FeedbackStatus.class),
                first == null ? null : startOf(first), last == null ? null : startOf(last.plusDays(1)));
        long total = filter.bind(jdbc.sql("SELECT count(*) " + Filter.WHERE)).query(Long.class).single();
        List<Interactions.Interaction> items = filter.bind(jdbc.sql("SELECT * " + Filter.WHERE
                        + " ORDER BY created_at DESC, feedback_id LIMIT :limit OFFSET :offset"))
                .param("limit", Parameters.range("limit", limit, 1, 1000))
                .param("offset", Parameters.range("offset", offset, 0, Integer.MAX_VALUE))
                .query((row, n) -> FeedbackQueries.interaction(row)).list();
        return new Page(total, items);
    }

    /** The cases a request selects; a null field selects all. */
    private record Filter(FeedbackKind kind, FeedbackStatus status, Timestamp from, Timestamp to) {
        static final String WHERE = """
                FROM profiles.feedback
                WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:from AS timestamptz) IS NULL OR created_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR created_at < :to)""";

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.param("kind", kind == null ? null : kind.name())
                    .param("status", status == null ? null : status.name()).param("from", from).param("to", to);
        }
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(properties.zone()).toInstant());
    }
}
