package io.keliu.orderanalytics.cohorts;

import io.keliu.orderanalytics.PlatformProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Retention by first-order month: a customer belongs to the month (platform zone) of their first counted order; the
 * cohort's retention in month k (1–12) is the share of its customers with a counted order k months later.
 */
@Service
public class CohortService {
    public static final int MONTHS = 12;

    private final JdbcTemplate jdbc;
    private final PlatformProperties platform;

    public CohortService(JdbcTemplate jdbc, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    /**
     * @param complete  false for the running month's cohort: customers still join it
     * @param retention index k-1 holds the share of month k; null for months not over (the running month included)
     * @param soFar     the running month's share so far, when it is one of months 1–12; null otherwise
     */
    public record Cohort(String month, long customers, boolean complete, List<Long> returning, List<Double> retention,
                         SoFar soFar) {
    }

    /** The running month k of a cohort: who bought in it until now (a share that can still grow). */
    public record SoFar(int month, long returning, Double retention) {
    }

    public List<Cohort> cohorts(YearMonth first, YearMonth last, YearMonth current) {
        Map<YearMonth, long[]> counts = new TreeMap<>();
        jdbc.query("""
                WITH counted AS (SELECT retention_user_id AS user_id, created_at FROM order_funnel
                                 WHERE retention_user_id IS NOT NULL),
                     firsts AS (SELECT user_id, date_trunc('month', min(created_at) AT TIME ZONE ?)::date AS cohort
                                FROM counted GROUP BY user_id),
                     active AS (SELECT DISTINCT f.user_id, f.cohort,
                                       date_trunc('month', o.created_at AT TIME ZONE ?)::date AS month
                                FROM counted o JOIN firsts f USING (user_id)
                                WHERE f.cohort >= ? AND f.cohort <= ?)
                SELECT cohort, (extract(year FROM age(month, cohort)) * 12
                                + extract(month FROM age(month, cohort)))::int AS k, count(*) AS customers
                FROM active GROUP BY cohort, k""", row -> {
                    int k = row.getInt("k");
                    if (k <= MONTHS) {
                        counts.computeIfAbsent(YearMonth.from(row.getDate("cohort").toLocalDate()),
                                m -> new long[MONTHS + 1])[k] = row.getLong("customers");
                    }
                }, platform.zone().getId(), platform.zone().getId(), Date.valueOf(first.atDay(1)),
                Date.valueOf(last.atDay(1)));
        List<Cohort> cohorts = new ArrayList<>();
        counts.forEach((month, n) -> cohorts.add(cohort(month, n, current)));
        return cohorts;
    }

    /**
     * @param n       n[0] the cohort's customers, n[k] those of them with a counted order in month k
     * @param current the running month: not over, so its share is only so far
     */
    static Cohort cohort(YearMonth month, long[] n, YearMonth current) {
        List<Long> returning = new ArrayList<>();
        List<Double> retention = new ArrayList<>();
        for (int k = 1; k <= MONTHS; k++) {
            boolean over = month.plusMonths(k).isBefore(current);
            returning.add(over ? n[k] : null);
            retention.add(over ? share(n[k], n[0]) : null);
        }
        int running = (int) month.until(current, ChronoUnit.MONTHS);
        SoFar soFar = running >= 1 && running <= MONTHS ? new SoFar(running, n[running], share(n[running], n[0])) : null;
        return new Cohort(month.toString(), n[0], month.isBefore(current), returning, retention, soFar);
    }

    private static Double share(long part, long whole) {
        return whole > 0 ? (double) part / whole : null;
    }

}
