package io.keliu.orderanalytics.logs;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.projection.ChangeTopic;
import io.keliu.projection.ProjectionHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Applies the change events of {@code keliu.logs.v1} to the log counts and the templates of warnings and errors, in
 * the caller's transaction. Logs do not change once written, but a change would still move exactly: before out,
 * after in.
 */
@Service
public class LogsProjection implements ProjectionHandler<SystemLog> {
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public LogsProjection(JdbcTemplate jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.zone = platform.zone();
    }

    public enum Granularity { MINUTE, HOUR, DAY }

    record CountKey(Granularity granularity, Instant start, String source, String logType, String level)
            implements Comparable<CountKey> {
        @Override
        public int compareTo(CountKey o) {
            return (granularity + "|" + start + "|" + source + "|" + logType + "|" + level)
                    .compareTo(o.granularity + "|" + o.start + "|" + o.source + "|" + o.logType + "|" + o.level);
        }
    }

    record TemplateKey(LocalDate day, String template, String level, String source)
            implements Comparable<TemplateKey> {
        @Override
        public int compareTo(TemplateKey o) {
            return (day + "|" + template + "|" + level + "|" + source)
                    .compareTo(o.day + "|" + o.template + "|" + o.level + "|" + o.source);
        }
    }

    @Override
    public ChangeTopic<SystemLog> topic() {
        return ChangeTopic.LOGS;
    }

    @Override
    public void reset() {
        jdbc.update("TRUNCATE log_counts, log_templates");
    }

    @Override
    public void apply(List<ChangeEvent<SystemLog>> events) {
        Map<CountKey, Long> counts = new TreeMap<>();
        Map<TemplateKey, Long> templates = new TreeMap<>();
        Map<TemplateKey, String> examples = new TreeMap<>();
        for (ChangeEvent<SystemLog> event : events) {
            if (Objects.equals(event.before(), event.after())) {
                continue;
            }
            add(event.before(), -1, counts, templates, examples);
            add(event.after(), 1, counts, templates, examples);
        }
        counts.values().removeIf(n -> n == 0);
        jdbc.batchUpdate("""
                INSERT INTO log_counts AS c (granularity, bucket_start, source, log_type, level, lines)
                VALUES (?,?,?,?,?,?) ON CONFLICT (granularity, bucket_start, source, log_type, level)
                DO UPDATE SET lines = c.lines + excluded.lines""", List.copyOf(counts.entrySet()), 1000,
                (statement, entry) -> {
                    CountKey key = entry.getKey();
                    statement.setString(1, key.granularity().name().toLowerCase(java.util.Locale.ROOT));
                    statement.setTimestamp(2, Timestamp.from(key.start()));
                    statement.setString(3, key.source());
                    statement.setString(4, key.logType());
                    statement.setString(5, key.level());
                    statement.setLong(6, entry.getValue());
                });
        jdbc.batchUpdate("""
                INSERT INTO log_templates AS t (day, template, level, source, lines, example) VALUES (?,?,?,?,?,?)
                ON CONFLICT (day, template, level, source)
                DO UPDATE SET lines = t.lines + excluded.lines, example = excluded.example""",
                List.copyOf(templates.entrySet()), 1000, (statement, entry) -> {
                    TemplateKey key = entry.getKey();
                    statement.setDate(1, Date.valueOf(key.day()));
                    statement.setString(2, key.template());
                    statement.setString(3, key.level());
                    statement.setString(4, key.source());
                    statement.setLong(5, entry.getValue());
                    statement.setString(6, examples.getOrDefault(key, key.template()));
                });
    }

    private void add(SystemLog log, int sign, Map<CountKey, Long> counts, Map<TemplateKey, Long> templates,
                     Map<TemplateKey, String> examples) {
        if (log == null) {
            return;
        }
        ZonedDateTime at = log.loggedAt().atZone(zone);
        String source = name(log.source());
        String type = name(log.logType());
        String level = name(log.level());
        counts.merge(new CountKey(Granularity.MINUTE, at.truncatedTo(ChronoUnit.MINUTES).toInstant(), source, type,
                level), (long) sign, Long::sum);
        counts.merge(new CountKey(Granularity.HOUR, at.truncatedTo(ChronoUnit.HOURS).toInstant(), source, type,
                level), (long) sign, Long::sum);
        counts.merge(new CountKey(Granularity.DAY, at.toLocalDate().atStartOfDay(zone).toInstant(), source, type,
                level), (long) sign, Long::sum);
        if (isWarningOrWorse(log.level())) {
            TemplateKey key = new TemplateKey(at.toLocalDate(), MessageTemplates.template(log.message()), level,
                    source);
            templates.merge(key, (long) sign, Long::sum);
            if (sign > 0 && log.message() != null) {
                examples.put(key, log.message().length() > 2000 ? log.message().substring(0, 2000) : log.message());
            }
        }
    }

    static boolean isWarningOrWorse(LogLevel level) {
        return level == LogLevel.WARN || isError(level);
    }

    static boolean isError(LogLevel level) {
        return level == LogLevel.ERROR || level == LogLevel.FATAL;
    }

    private static String name(Enum<?> value) {
        return value == null ? "UNKNOWN" : value.name();
    }
}
