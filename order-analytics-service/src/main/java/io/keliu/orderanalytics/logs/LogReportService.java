package io.keliu.orderanalytics.logs;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.web.BadParameterException;
import io.keliu.orderanalytics.web.Parameters.ApiWord;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Log volumes with error and warning rates per minute, hour or day, and the most frequent error templates. The error
 * rate is the share of a bucket's lines at level ERROR or FATAL, the warning rate that at WARN.
 */
@Service
public class LogReportService {
    static final int MAX_POINTS = 100_000;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public LogReportService(JdbcTemplate jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.zone = platform.zone();
    }

    public enum Granularity implements ApiWord { MINUTE, HOUR, DAY }

    public enum GroupBy implements ApiWord {
        SOURCE("source"), LOG_TYPE("log_type"), LEVEL("level");

        private final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }

    public record LogReport(String zone, String granularity, String from, String to, String groupBy,
                            List<Series> series) {
    }

    /** @param total the lines of the group over the whole range (its start is the first bucket's) */
    public record Series(String group, Point total, List<Point> points) {
    }

    public record Point(String start, long lines, long errors, long warnings, Double errorRate, Double warningRate) {
    }

    public record TopError(String template, String level, String source, long lines, String example) {
    }

    public LogReport report(TimeRange range, Granularity granularity, GroupBy groupBy) {
        ChronoUnit unit = switch (granularity) {
            case MINUTE -> ChronoUnit.MINUTES;
            case HOUR -> ChronoUnit.HOURS;
            case DAY -> ChronoUnit.DAYS;
        };
        long points = Duration.between(range.from(), range.to()).toSeconds() / unit.getDuration().toSeconds();
        if (points > MAX_POINTS) {
            throw new BadParameterException("granularity", "the range holds about " + points + " buckets, more than "
                    + MAX_POINTS + "; choose a coarser granularity or a shorter range");
        }
        Instant first = range.from().atZone(zone).truncatedTo(unit).toInstant();
        List<Instant> buckets = new ArrayList<>();
        for (Instant start = first; start.isBefore(range.to());
             start = start.atZone(zone).plus(1, unit).toInstant()) {
            buckets.add(start);
        }
        String group = groupBy == null ? "'all'" : groupBy.column;
        Map<String, Map<Instant, long[]>> groups = new TreeMap<>();
        jdbc.query("""
                SELECT %s AS grp, bucket_start, sum(lines) AS lines,
                       sum(lines) FILTER (WHERE level IN ('ERROR', 'FATAL')) AS errors,
                       sum(lines) FILTER (WHERE level = 'WARN') AS warnings
                FROM log_counts WHERE granularity = ? AND bucket_start >= ? AND bucket_start < ?
                GROUP BY grp, bucket_start""".formatted(group), row -> {
                    groups.computeIfAbsent(row.getString("grp"), g -> new TreeMap<>())
                            .put(row.getTimestamp("bucket_start").toInstant(), new long[]{row.getLong("lines"),
                                    row.getLong("errors"), row.getLong("warnings")});
                }, granularity.name().toLowerCase(Locale.ROOT), Timestamp.from(first), Timestamp.from(range.to()));
        List<Series> series = new ArrayList<>();
        groups.forEach((name, counts) -> {
            long[] total = new long[3];
            counts.values().forEach(n -> Arrays.setAll(total, i -> total[i] + n[i]));
            series.add(new Series(name, point(first, total), buckets.stream()
                    .map(start -> point(start, counts.getOrDefault(start, new long[3]))).toList()));
        });
        return new LogReport(zone.getId(), granularity.word(), range.from().toString(), range.to().toString(),
                groupBy == null ? null : groupBy.word(), series);
    }

    private Point point(Instant start, long[] n) {
        return new Point(start.atZone(zone).toOffsetDateTime().toString(), n[0], n[1], n[2],
                n[0] == 0 ? null : (double) n[1] / n[0], n[0] == 0 ? null : (double) n[2] / n[0]);
    }

    /** Lines, errors and warnings of the days the range touches. */
    public LogHealth health(TimeRange range, int topErrors) {
        long[] n = jdbc.queryForObject("""
                SELECT coalesce(sum(lines), 0) AS lines,
                       coalesce(sum(lines) FILTER (WHERE level IN ('ERROR', 'FATAL')), 0) AS errors,
                       coalesce(sum(lines) FILTER (WHERE level = 'WARN'), 0) AS warnings
                FROM log_counts WHERE granularity = 'day' AND bucket_start >= ? AND bucket_start < ?""",
                (row, i) -> new long[]{row.getLong("lines"), row.getLong("errors"), row.getLong("warnings")},
                Timestamp.from(range.from().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant()),
                Timestamp.from(range.to()));
        return new LogHealth(n[0], n[1], n[2], n[0] == 0 ? null : (double) n[1] / n[0],
                topErrors(range, null, topErrors));
    }

    public record LogHealth(long lines, long errors, long warnings, Double errorRate, List<TopError> topErrors) {
    }

    /**
     * The most frequent templates of ERROR and FATAL lines over the days the range touches.
     *
     * @param source only this source's lines; null for all
     */
    public List<TopError> topErrors(TimeRange range, String source, int limit) {
        return jdbc.query("""
                SELECT template, level, source, sum(lines) AS lines, max(example) AS example FROM log_templates
                WHERE level IN ('ERROR', 'FATAL') AND day >= ? AND day <= ? AND (?::text IS NULL OR source = ?)
                GROUP BY template, level, source HAVING sum(lines) > 0
                ORDER BY lines DESC, template LIMIT ?""",
                (row, n) -> new TopError(row.getString("template"), row.getString("level"), row.getString("source"),
                        row.getLong("lines"), row.getString("example")),
                Date.valueOf(range.from().atZone(zone).toLocalDate()),
                Date.valueOf(range.to().minusNanos(1).atZone(zone).toLocalDate()), source, source, limit);
    }
}
