package io.keliu.profile.feedback;

import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.profile.ProfileProperties;
import io.keliu.analytics.feedback.SimilarTexts;
import io.keliu.profile.web.BadParameter;
import io.keliu.profile.web.NotFound;
import io.keliu.profile.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/feedback")
@Tag(name = "feedback", description = "Customer service interactions: inquiries, feedback, complaints, praise")
class FeedbackController {
    private final JdbcClient jdbc;
    private final FeedbackQueries queries;
    private final ProfileProperties properties;
    private final ComplaintTopics topics;
    private final FeedbackProperties settings;
    private final Clock clock;

    FeedbackController(JdbcClient jdbc, FeedbackQueries queries, ProfileProperties properties, ComplaintTopics topics,
                       FeedbackProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.properties = properties;
        this.topics = topics;
        this.settings = settings;
        this.clock = clock;
    }

    record Page(long total, List<Interactions.Interaction> items) {
    }

    @GetMapping
    @Operation(summary = "Cases filtered by kind, status, complaint topic (of the latest analysis) and the day they"
            + " were raised (from/to inclusive, in the platform's zone), newest first")
    Page feedback(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                  @RequestParam(required = false) Integer topic,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        LocalDate first = from == null ? null : Parameters.date("from", from);
        LocalDate last = to == null ? null : Parameters.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new BadParameter("to", "'" + to + "' is before from (" + from + ")");
        }
        Filter filter = new Filter(kind == null ? null : Parameters.choice("kind", kind, FeedbackKind.class),
                status == null ? null : Parameters.choice("status", status, FeedbackStatus.class),
                topic == null ? null : members(topic),
                first == null ? null : startOf(first), last == null ? null : startOf(last.plusDays(1)));
        long total = filter.bind(jdbc.sql("SELECT count(*) " + Filter.WHERE)).query(Long.class).single();
        List<Interactions.Interaction> items = filter.bind(jdbc.sql("SELECT * " + Filter.WHERE
                        + " ORDER BY created_at DESC, feedback_id LIMIT :limit OFFSET :offset"))
                .param("limit", Parameters.range("limit", limit, 1, 1000))
                .param("offset", Parameters.range("offset", offset, 0, Integer.MAX_VALUE))
                .query((row, n) -> FeedbackQueries.interaction(row)).list();
        return new Page(total, items);
    }

    record Similar(String feedbackId, double similarity, Interactions.Interaction complaint) {
    }

    @GetMapping("/{feedbackId}/similar")
    @Operation(summary = "The complaints most similar to a complaint (cosine similarity of TF-IDF vectors), most"
            + " similar first")
    List<Similar> similar(@PathVariable String feedbackId, @RequestParam(defaultValue = "10") int limit) {
        List<SimilarTexts.Neighbour> nearest = topics.similar(feedbackId, Parameters.range("limit", limit, 1, 100))
                .orElseThrow(() -> new NotFound("no complaint " + feedbackId + " has been analysed: similar cases are"
                        + " found among complaints, analysed every " + settings.analysisInterval().toSeconds()
                        + " s"));
        ComplaintTopics.Analysis analysis = topics.latest();
        List<String> ids = nearest.stream()
                .map(n -> analysis.complaints().get(n.text()).feedbackId()).toList();
        Map<String, Interactions.Interaction> cases = new HashMap<>();
        jdbc.sql("SELECT * FROM profiles.feedback WHERE feedback_id = ANY (string_to_array(:ids, chr(31)))")
                .param("ids", idList(ids))
                .query((row, n) -> FeedbackQueries.interaction(row)).list()
                .forEach(c -> cases.put(c.feedbackId(), c));
        return nearest.stream().map(n -> {
            String id = analysis.complaints().get(n.text()).feedbackId();
            return new Similar(id, n.similarity(), cases.get(id));
        }).toList();
    }

    /** A bucket of the trend: its start and the cases of each kind raised in it (every kind, zero included). */
    record TrendPoint(Instant start, Map<FeedbackKind, Long> byKind) {
    }

    record Trend(String granularity, Instant from, Instant to, List<TrendPoint> points) {
    }

    @GetMapping("/trend")
    @Operation(summary = "Cases raised per day or hour of the platform's zone, by kind, from/to (days, inclusive;"
            + " default the last 7 days); each case counted once, in the bucket of its createdAt")
    Trend trend(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @Parameter(description = "day (up to 366 days) or hour (up to 31 days)")
                @RequestParam(defaultValue = "day") String granularity) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(properties.zone())) : Parameters.date("to", to);
        LocalDate first = from == null ? last.minusDays(6) : Parameters.date("from", from);
        if (last.isBefore(first)) {
            throw new BadParameter("to", "'" + to + "' is before from (" + from + ")");
        }
        Granularity unit = Parameters.choice("granularity", granularity, Granularity.class);
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > unit.maxDays) {
            throw new BadParameter("to", days + " days are too many for granularity " + unit.name().toLowerCase()
                    + "; choose at most " + unit.maxDays + " days");
        }
        ZonedDateTime start = first.atStartOfDay(properties.zone());
        ZonedDateTime end = last.plusDays(1).atStartOfDay(properties.zone());
        Map<LocalDateTime, Map<FeedbackKind, Long>> counts = queries.countsByKind(start.toInstant(), end.toInstant(),
                unit.name().toLowerCase(), properties.zone());
        List<TrendPoint> points = new ArrayList<>();
        for (ZonedDateTime bucket = start; bucket.isBefore(end); bucket = bucket.plus(1, unit.unit)) {
            Map<FeedbackKind, Long> byKind = new EnumMap<>(FeedbackKind.class);
            for (FeedbackKind kind : FeedbackKind.values()) {
                byKind.put(kind, counts.getOrDefault(bucket.toLocalDateTime(), Map.of()).getOrDefault(kind, 0L));
            }
            points.add(new TrendPoint(bucket.toInstant(), byKind));
        }
        return new Trend(unit.name().toLowerCase(), start.toInstant(), end.toInstant(), points);
    }

    private enum Granularity {
        DAY(ChronoUnit.DAYS, 366), HOUR(ChronoUnit.HOURS, 31);

        final ChronoUnit unit;
        final long maxDays;

        Granularity(ChronoUnit unit, long maxDays) {
            this.unit = unit;
            this.maxDays = maxDays;
        }
    }

    record Topics(Instant analysedAt, Instant from, Instant to, List<FeedbackTopicsView.Topic> topics) {
    }

    @GetMapping("/topics")
    @Operation(summary = "Complaint topics with complaints raised from/to (days, inclusive; default the last 30"
            + " days): label, size, growth of the last 24 h over the usual day, examples, categories and regions")
    Topics topics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate last = to == null ? today : Parameters.date("to", to);
        LocalDate first = from == null ? last.minusDays(29) : Parameters.date("from", from);
        if (last.isBefore(first)) {
            throw new BadParameter("to", "'" + to + "' is before from (" + from + ")");
        }
        Instant start = startOf(first).toInstant();
        Instant end = startOf(last.plusDays(1)).toInstant();
        Instant until = end.isAfter(clock.instant()) ? clock.instant() : end;
        ComplaintTopics.Analysis analysis = topics.latest();
        Map<Integer, Double> usual = ComplaintTopics.usualPerDay(analysis, until.minus(Duration.ofDays(1)),
                settings.baselineDays());
        return new Topics(analysis.analysedAt(), start, end, FeedbackTopicsView.topics(analysis, start, until, usual));
    }

    private String members(int topic) {
        ComplaintTopics.Analysis analysis = topics.latest();
        return idList(analysis.complaints().stream().map(ComplaintTopics.Complaint::feedbackId)
                .filter(id -> Integer.valueOf(topic).equals(analysis.topicOf(id))).toList());
    }

    /** Ids as one parameter, split again in SQL: ids hold no control character (ingest's validation). */
    private static String idList(List<String> ids) {
        return String.join("\u001f", ids);
    }

    /** The cases a request selects; a null field selects all. */
    private record Filter(FeedbackKind kind, FeedbackStatus status, String ids, Timestamp from, Timestamp to) {
        static final String WHERE = """
                FROM profiles.feedback
                WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:ids AS text) IS NULL OR feedback_id = ANY (string_to_array(:ids, chr(31))))
                  AND (CAST(:from AS timestamptz) IS NULL OR created_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR created_at < :to)""";

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.param("kind", kind == null ? null : kind.name())
                    .param("status", status == null ? null : status.name()).param("ids", ids)
                    .param("from", from).param("to", to);
        }
    }

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(properties.zone()).toInstant());
    }
}
