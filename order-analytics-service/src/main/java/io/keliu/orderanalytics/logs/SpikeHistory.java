package io.keliu.orderanalytics.logs;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.web.BadParameterException;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error spikes of a range: the detector's rule ({@link SpikeProperties}) applied to every complete minute of the
 * stored counts as they stand, so that imported and late logs show their spikes too. The consecutive spike minutes
 * of a source are one spike.
 */
@Service
public class SpikeHistory {
    static final int MAX_MINUTES = 100_000;

    private final JdbcTemplate jdbc;
    private final SpikeProperties rule;
    private final ZoneId zone;
    private final Clock clock;

    public SpikeHistory(JdbcTemplate jdbc, SpikeProperties rule, PlatformProperties platform, Clock clock) {
        this.jdbc = jdbc;
        this.rule = rule;
        this.zone = platform.zone();
        this.clock = clock;
    }

    public record Spikes(String zone, String from, String to, double factor, long baselineMinutes, int minErrors,
                         List<Spike> spikes) {
    }

    /**
     * @param endsAt         the first minute back under the threshold; null when the spike lasts to the range's end
     * @param minutes        its spike minutes
     * @param peakErrors     the most errors of one of its minutes, the first such minute starting at {@code peakAt}
     * @param baselineAtPeak the mean errors per minute of the baseline window before {@code peakAt}
     * @param thresholdAtPeak more errors than this made that minute a spike
     */
    public record Spike(String source, String startsAt, String endsAt, long minutes, long peakErrors, String peakAt,
                        double baselineAtPeak, double thresholdAtPeak) {
    }

    /** @param source only this source; null for all */
    public Spikes spikes(TimeRange range, String source) {
        Instant from = range.from().truncatedTo(ChronoUnit.MINUTES);
        Instant completeMinutes = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant to = range.to().isAfter(completeMinutes) ? completeMinutes : range.to();
        long minutes = Math.max(0, (Duration.between(from, to).toSeconds() + 59) / 60);
        if (minutes > MAX_MINUTES) {
            throw new BadParameterException("from", "the range holds " + minutes + " minutes, more than "
                    + MAX_MINUTES + "; choose a shorter range");
        }
        int window = (int) rule.baselineMinutes();
        Instant windowStart = from.minus(window, ChronoUnit.MINUTES);
        Map<String, long[]> errors = new TreeMap<>();
        if (minutes > 0) {
            jdbc.query("""
                    SELECT source, bucket_start, sum(lines) AS errors FROM log_counts
                    WHERE granularity = 'minute' AND level IN ('ERROR', 'FATAL') AND bucket_start >= ?
                      AND bucket_start < ? AND (?::text IS NULL OR source = ?)
                    GROUP BY source, bucket_start""", row -> {
                        int minute = (int) Duration.between(windowStart, row.getTimestamp("bucket_start").toInstant())
                                .toMinutes();
                        errors.computeIfAbsent(row.getString("source"), s -> new long[window + (int) minutes])
                                [minute] = row.getLong("errors");
                    }, Timestamp.from(windowStart), Timestamp.from(to), source, source);
        }
        List<Spike> spikes = new ArrayList<>();
        errors.forEach((name, counts) -> spikes.addAll(spikes(name, counts, window, from)));
        spikes.sort(Comparator.comparing((Spike spike) -> OffsetDateTime.parse(spike.startsAt()).toInstant())
                .reversed().thenComparing(Spike::source));
        return new Spikes(zone.getId(), range.from().toString(), range.to().toString(), rule.factor(), window,
                rule.minErrors(), spikes);
    }

    /** @param counts errors per minute, starting a baseline window before {@code from} */
    private List<Spike> spikes(String source, long[] counts, int window, Instant from) {
        List<Spike> spikes = new ArrayList<>();
        long baselineErrors = 0;
        for (int i = 0; i < window; i++) {
            baselineErrors += counts[i];
        }
        int start = -1;
        int peak = -1;
        long peakBaseline = 0;
        for (int minute = window; minute < counts.length; minute++) {
            if (rule.isSpike(counts[minute], baselineErrors)) {
                if (start < 0) {
                    start = minute;
                    peak = minute;
                    peakBaseline = baselineErrors;
                } else if (counts[minute] > counts[peak]) {
                    peak = minute;
                    peakBaseline = baselineErrors;
                }
            } else if (start >= 0) {
                spikes.add(spike(source, from, window, start, minute, true, peak, counts[peak], peakBaseline));
                start = -1;
            }
            baselineErrors += counts[minute] - counts[minute - window];
        }
        if (start >= 0) {
            spikes.add(spike(source, from, window, start, counts.length, false, peak, counts[peak], peakBaseline));
        }
        return spikes;
    }

    /** @param end the index after its last spike minute; {@code ended} when that minute was back under */
    private Spike spike(String source, Instant from, int window, int start, int end, boolean ended, int peak,
                        long peakErrors, long peakBaseline) {
        return new Spike(source, at(from, start - window), ended ? at(from, end - window) : null, end - start,
                peakErrors, at(from, peak - window), rule.baselinePerMinute(peakBaseline),
                rule.threshold(peakBaseline));
    }

    private String at(Instant from, int minute) {
        return from.plus(minute, ChronoUnit.MINUTES).atZone(zone).toOffsetDateTime().toString();
    }
}
