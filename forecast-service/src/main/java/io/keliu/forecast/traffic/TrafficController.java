package io.keliu.forecast.traffic;

import io.keliu.forecast.api.BadParameter;
import io.keliu.forecast.api.DateRange;
import io.keliu.forecast.api.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Traffic counts by time bucket and group, optionally beside the previous period or last year. */
@RestController
@RequestMapping("/api/v1/traffic")
public class TrafficController {
    /** Longest answer per series: beyond it a coarser granularity is needed. */
    static final int MAX_POINTS = 100_000;
    /** Last year's same weekday: 52 weeks back. */
    static final int LAST_YEAR_DAYS = 364;

    private final TrafficReader reader;
    private final Clock clock;

    TrafficController(TrafficReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    enum Compare {
        PREVIOUS("previous"), LAST_YEAR("lastYear");

        final String word;

        Compare(String word) {
            this.word = word;
        }
    }

    public record Point(OffsetDateTime start, long orders, long lines, long customers, long anonymousOrders,
                       BigDecimal revenue,
                       @Schema(description = "page views and app opens in the bucket (log lines, docs/traffic.md "
                               + "\"Visits\"); null when grouped by province, city, country or orderType, which a "
                               + "log does not name", nullable = true) Long visits,
                       Point compare) {
        static Point of(ZonedDateTime start, TrafficCounts counts, Map<ZonedDateTime, Long> visits, Point compare) {
            return new Point(start.toOffsetDateTime(), counts.orders(), counts.lines(), counts.customers(),
                    counts.anonymousOrders(), counts.revenue(), visits == null ? null : visits.getOrDefault(start, 0L),
                    compare);
        }
    }

    public record Series(String group, List<Point> points) {
    }

    /** What the compare points are: the basis, how many days back, and the range they cover. */
    public record Comparison(String basis, long shiftDays, LocalDate from, LocalDate to, String alignment) {
    }

    /**
     * @param asOf           when the answer was made: buckets starting later have not begun (their zeros are no drop)
     * @param runningBucket  the start of the bucket still running at {@code asOf} (its counts are so far), null when
     *                       the range holds none
     */
    public record Answer(String zone, String granularity, LocalDate from, LocalDate to, String groupBy,
                         Comparison compare, OffsetDateTime asOf, OffsetDateTime runningBucket, List<Series> series) {
    }

    @Operation(summary = "Orders, lines, customers, anonymous orders, revenue and visits per bucket, by group, "
            + "optionally beside the previous period or last year")
    @GetMapping
    public Answer traffic(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String granularity,
                          @RequestParam(required = false) String groupBy,
                          @RequestParam(required = false) String compare) {
        DateRange range = Parameters.range(from, to);
        Granularity size = Parameters.choice("granularity", granularity, Granularity.values(), Granularity::key,
                Granularity.DAY);
        Dimension dimension = groupBy == null || groupBy.isBlank() ? Dimension.TOTAL
                : Parameters.choice("groupBy", groupBy, groupings(), Dimension::parameter, null);
        Compare basis = Parameters.choice("compare", compare, Compare.values(), c -> c.word, null);
        refuseTooManyPoints(range, size);

        Map<String, Map<ZonedDateTime, Long>> visits = reader.visits(size, dimension, range);
        List<TrafficSeries> actual = reader.read(size, dimension, range, visits == null ? Set.of() : visits.keySet());
        if (basis == null) {
            return answer(range, size, dimension, null, actual.stream()
                    .map(series -> series(series, visitsOf(visits, series), null, null)).toList());
        }
        long shift = basis == Compare.PREVIOUS ? range.days() : LAST_YEAR_DAYS;
        DateRange earlier = range.minusDays(shift);
        Map<String, TrafficSeries> before = reader.read(size, dimension, earlier).stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.group()), Function.identity()));
        Map<String, Map<ZonedDateTime, Long>> visitsBefore = reader.visits(size, dimension, earlier);
        List<ZonedDateTime> earlierStarts = reader.bucketStarts(size, earlier);
        List<Series> series = actual.stream().map(s -> series(s, visitsOf(visits, s), before.getOrDefault(
                String.valueOf(s.group()), TrafficSeries.empty(s.group(), earlierStarts)), visitsOf(visitsBefore, s)))
                .toList();
        Comparison comparison = new Comparison(basis.word, shift, earlier.from(), earlier.to(),
                basis == Compare.LAST_YEAR ? "by weekday: 364 days (52 weeks) back" : "the same number of days just before");
        return answer(range, size, dimension, comparison, series);
    }

    private Answer answer(DateRange range, Granularity size, Dimension dimension, Comparison comparison,
                          List<Series> series) {
        ZonedDateTime now = clock.instant().atZone(reader.zone());
        ZonedDateTime running = size.bucketOf(now);
        boolean inRange = reader.bucketStarts(size, range).contains(running);
        return new Answer(reader.zone().getId(), size.key(), range.from(), range.to(),
                dimension == Dimension.TOTAL ? null : dimension.parameter(), comparison, now.toOffsetDateTime(),
                inRange ? running.toOffsetDateTime() : null, series);
    }

    /** The visits of the series' group (none counted: empty), or null when the grouping has no visits. */
    private static Map<ZonedDateTime, Long> visitsOf(Map<String, Map<ZonedDateTime, Long>> visits,
                                                     TrafficSeries series) {
        return visits == null ? null
                : visits.getOrDefault(series.group() == null ? "" : series.group(), Map.of());
    }

    /** Points in bucket order; the compare series is paired bucket by bucket. */
    private static Series series(TrafficSeries actual, Map<ZonedDateTime, Long> visits, TrafficSeries earlier,
                                 Map<ZonedDateTime, Long> earlierVisits) {
        List<Map.Entry<ZonedDateTime, TrafficCounts>> previous = earlier == null ? List.of()
                : new ArrayList<>(earlier.buckets().entrySet());
        List<Point> points = new ArrayList<>();
        int i = 0;
        for (Map.Entry<ZonedDateTime, TrafficCounts> bucket : actual.buckets().entrySet()) {
            Point compare = i < previous.size()
                    ? Point.of(previous.get(i).getKey(), previous.get(i).getValue(), earlierVisits, null) : null;
            points.add(Point.of(bucket.getKey(), bucket.getValue(), visits, compare));
            i++;
        }
        return new Series(actual.group(), points);
    }

    private static Dimension[] groupings() {
        return java.util.Arrays.stream(Dimension.values()).filter(Dimension::grouping).toArray(Dimension[]::new);
    }

    private static void refuseTooManyPoints(DateRange range, Granularity size) {
        long points = size.bucketsIn(Duration.ofDays(range.days()));
        if (points > MAX_POINTS) {
            throw new BadParameter("granularity", "from " + range.from() + " to " + range.to() + " is about "
                    + points + " " + size.key() + " buckets, more than " + MAX_POINTS
                    + " per series; choose a coarser granularity or a shorter range");
        }
    }
}
