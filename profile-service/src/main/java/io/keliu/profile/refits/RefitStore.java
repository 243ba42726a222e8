package io.keliu.profile.refits;

import io.keliu.analytics.churn.ServiceCase;
import io.keliu.analytics.customers.Purchase;
import io.keliu.profile.segments.SegmentProfile;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Refits, their per-customer results and segments; the current refit is the one the API shows. */
@Repository
public class RefitStore {
    private static final int COPY_CHUNK = 20_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ObjectMapper json;

    public RefitStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    public void started(UUID id, LocalDate calibrationEnd, int horizonDays, Instant at) {
        jdbc.sql("INSERT INTO profiles.refits (refit_id, status, calibration_end, horizon_days, started_at)"
                        + " VALUES (?, 'RUNNING', ?, ?, ?)")
                .params(id, Date.valueOf(calibrationEnd), horizonDays, Timestamp.from(at)).update();
    }

    public void failed(UUID id, String reason, Instant at) {
        jdbc.sql("UPDATE profiles.refits SET status = 'FAILED', error = ?, finished_at = ? WHERE refit_id = ?")
                .params(reason, Timestamp.from(at), id).update();
    }

    /** Marks refits left RUNNING by a stopped service as failed. */
    public void abandonRunning(Instant at) {
        jdbc.sql("UPDATE profiles.refits SET status = 'FAILED', finished_at = ?,"
                        + " error = 'the service stopped during the refit; start it again' WHERE status = 'RUNNING'")
                .param(Timestamp.from(at)).update();
    }

    public Optional<Refit> find(UUID id) {
        return jdbc.sql("SELECT refit_id, status, calibration_end, horizon_days, started_at, finished_at, customers,"
                        + " error FROM profiles.refits WHERE refit_id = ?")
                .param(id)
                .query((rs, n) -> new Refit(rs.getObject(1, UUID.class), Refit.RefitStatus.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(), rs.getInt(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        (Integer) rs.getObject(7), rs.getString(8)))
                .optional();
    }

    public Optional<UUID> running() {
        return jdbc.sql("SELECT refit_id FROM profiles.refits WHERE status = 'RUNNING'").query(UUID.class).optional();
    }

    public Optional<UUID> current() {
        return jdbc.sql("SELECT refit_id FROM profiles.current_refit").query(UUID.class).optional();
    }

    /** The current refit's model document (parameters, fit quality, settings). */
    public Optional<Map<String, Object>> currentModel() {
        return jdbc.sql("SELECT r.model::text FROM profiles.refits r JOIN profiles.current_refit c USING (refit_id)")
                .query(String.class).optional()
                .map(text -> json.readValue(text, new TypeReference<Map<String, Object>>() { }));
    }

    /** One purchase per order of a known customer: its day in {@code zone}, net units and net amount. */
    public List<Purchase> purchases(ZoneId zone) {
        List<Purchase> purchases = new ArrayList<>();
        jdbc.sql("SELECT user_id, min(created_at), sum(net_quantity), sum(net_amount) FROM profiles.order_lines"
                        + " GROUP BY user_id, order_id")
                .query(rs -> {
                    purchases.add(new Purchase(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(zone)
                            .toLocalDate(), rs.getLong(3), rs.getBigDecimal(4).doubleValue()));
                });
        return purchases;
    }

    /** Every customer service case of a known customer, on the days of the zone. */
    public List<ServiceCase> serviceCases(ZoneId zone) {
        return jdbc.sql("SELECT user_id, created_at, kind = 'COMPLAINT', rating, resolved_at FROM profiles.feedback"
                        + " WHERE user_id <> ''")
                .query((rs, n) -> new ServiceCase(rs.getString(1), day(rs.getTimestamp(2), zone), rs.getBoolean(3),
                        rs.getObject(4, Integer.class), day(rs.getTimestamp(5), zone)))
                .list();
    }

    private static LocalDate day(Timestamp time, ZoneId zone) {
        return time == null ? null : time.toInstant().atZone(zone).toLocalDate();
    }

    public List<SegmentProfile> segments(UUID refit) {
        return jdbc.sql("SELECT segment_id, size, name_zh, name_en, description_zh, description_en, centroid::text"
                        + " FROM profiles.segments WHERE refit_id = ? ORDER BY segment_id")
                .param(refit)
                .query((rs, n) -> new SegmentProfile(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6),
                        json.readValue(rs.getString(7), new TypeReference<Map<String, Double>>() { })))
                .list();
    }

    /** Writes a refit's results beside the current ones; nobody reads them until {@link #swapIn}. */
    public void writeResults(UUID refit, List<CustomerScore> scores, List<SegmentProfile> segments) {
        String partition = partition(refit);
        // the check lets the attachment skip its scan of the rows; the indexes are built when attaching
        jdbc.sql("CREATE TABLE " + partition + " (LIKE profiles.customer_scores, CHECK (refit_id = '" + refit
                + "'))").update();
        jdbcTemplate.execute((Connection connection) -> {
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (int from = 0; from < scores.size(); from += COPY_CHUNK) {
                StringBuilder csv = new StringBuilder();
                for (CustomerScore s : scores.subList(from, Math.min(scores.size(), from + COPY_CHUNK))) {
                    csv.append(refit).append(',').append(quoted(s.userId())).append(',')
                            .append(s.expectedPurchases()).append(',').append(s.probabilityAlive()).append(',')
                            .append(s.expectedAverageValue()).append(',').append(s.clv()).append(',')
                            .append(s.valueScore()).append(',').append(s.segmentId()).append(',')
                            .append(s.churnRisk()).append(',').append(quoted(arrayLiteral(s.churnReasons())))
                            .append('\n');
                }
                try {
                    pg.getCopyAPI().copyIn("COPY " + partition + " (refit_id, user_id, expected_purchases,"
                            + " probability_alive, expected_avg_value, clv, value_score, segment_id, churn_risk,"
                            + " churn_reasons) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
                } catch (java.io.IOException e) {
                    throw new SQLException("COPY of refit results failed", e);
                }
            }
            return null;
        });
        jdbc.sql("ALTER TABLE profiles.customer_scores ATTACH PARTITION " + partition + " FOR VALUES IN ('" + refit
                + "')").update();
        // the whole table, not just the new partition: reads are planned with the partitioned table's own statistics,
        // which autovacuum never gathers (with only the partition analysed, lists sorted by score took about 90 ms)
        jdbc.sql("ANALYZE profiles.customer_scores").update();
        jdbcTemplate.batchUpdate("INSERT INTO profiles.segments (refit_id, segment_id, size, name_zh, name_en,"
                        + " description_zh, description_en, centroid) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                segments, segments.size(), (ps, s) -> {
                    ps.setObject(1, refit);
                    ps.setInt(2, s.id());
                    ps.setInt(3, s.size());
                    ps.setString(4, s.nameZh());
                    ps.setString(5, s.nameEn());
                    ps.setString(6, s.descriptionZh());
                    ps.setString(7, s.descriptionEn());
                    ps.setString(8, json.writeValueAsString(s.centroid()));
                });
        jdbc.sql("""
                        UPDATE profiles.segments g SET clv_total = v.clv, mean_churn_risk = v.risk
                        FROM (SELECT segment_id, sum(clv) AS clv, avg(churn_risk) AS risk
                              FROM profiles.customer_scores WHERE refit_id = ? GROUP BY segment_id) v
                        WHERE g.refit_id = ? AND g.segment_id = v.segment_id""")
                .params(refit, refit).update();
    }

    /** Makes the refit current, in one statement readers see all at once; then forgets older results. */
    public void swapIn(UUID refit, int customers, Map<String, Object> model, Instant at) {
        jdbc.sql("UPDATE profiles.refits SET status = 'DONE', finished_at = ?, customers = ?, model = ?::jsonb"
                        + " WHERE refit_id = ?")
                .params(Timestamp.from(at), customers, json.writeValueAsString(model), refit).update();
        jdbc.sql("INSERT INTO profiles.current_refit (refit_id) VALUES (?)"
                        + " ON CONFLICT (singleton) DO UPDATE SET refit_id = excluded.refit_id")
                .param(refit).update();
    }

    /** Drops the results of every refit but {@code refit}: older ones, and those of refits that failed. */
    public void forgetAllBut(UUID refit) {
        List<String> others = jdbc.sql("""
                        SELECT relname FROM pg_class
                        WHERE relnamespace = 'profiles'::regnamespace AND relkind = 'r'
                          AND relname LIKE 'customer\\_scores\\_%' AND relname <> ?""")
                .param(partition(refit).substring("profiles.".length()))
                .query(String.class).list();
        others.forEach(table -> jdbc.sql("DROP TABLE profiles." + table).update());
        jdbc.sql("DELETE FROM profiles.segments WHERE refit_id <> ?").param(refit).update();
    }

    /** Drops what a failed refit wrote, unless it is the current one (a failure after its swap). */
    public void discard(UUID refit) {
        if (!current().equals(Optional.of(refit))) {
            jdbc.sql("DROP TABLE IF EXISTS " + partition(refit)).update();
        }
    }

    /** The table of one refit's results: a partition of customer_scores once written. */
    private static String partition(UUID refit) {
        return "profiles.customer_scores_" + refit.toString().replace("-", "");
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            literal.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
