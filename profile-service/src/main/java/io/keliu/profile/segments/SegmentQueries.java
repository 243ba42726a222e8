package io.keliu.profile.segments;

import io.keliu.contracts.v1.Alert.Localized;
import io.keliu.profile.web.PiiPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Segments of the current refit and the streaming audience export. */
@Repository
public class SegmentQueries {
    private static final String CSV_HEADER = "user_id,province,city,address,age,gender,lifecycle,purchases,"
            + "monetary_total,clv,churn_risk";

    private final JdbcClient jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;
    private final PiiPolicy pii;

    public SegmentQueries(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                          ObjectMapper json, PiiPolicy pii) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        // PostgreSQL streams rows in fetch-size steps only inside a transaction
        this.cursor.setFetchSize(2000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
        this.pii = pii;
    }

    /**
     * @param share         the segment's customers among all scored customers
     * @param clv           the members' lifetime value summed (null for a refit made before it was kept)
     * @param averageClv    {@code clv / size}
     * @param meanChurnRisk the members' churn risk averaged
     */
    public record SegmentView(int id, int size, double share, Localized name, Localized description,
                              Map<String, Double> centroid, Double clv, Double averageClv, Double meanChurnRisk) {
    }

    public List<SegmentView> all() {
        return query("");
    }

    public Optional<SegmentView> one(int id) {
        return query(" AND g.segment_id = " + id).stream().findFirst();
    }

    private List<SegmentView> query(String condition) {
        return jdbc.sql("SELECT g.segment_id, g.size,"
                        + " g.size::float8 / (SELECT sum(a.size) FROM profiles.segments a WHERE a.refit_id = g.refit_id),"
                        + " g.name_zh, g.name_en, g.description_zh, g.description_en, g.centroid::text, g.clv_total,"
                        + " g.mean_churn_risk"
                        + " FROM profiles.segments g JOIN profiles.current_refit r USING (refit_id)"
                        + " WHERE true" + condition + " ORDER BY g.segment_id")
                .query((rs, n) -> {
                    int size = rs.getInt(2);
                    Double clv = (Double) rs.getObject(9);
                    return new SegmentView(rs.getInt(1), size, rs.getDouble(3),
                            new Localized(rs.getString(4), rs.getString(5)),
                            new Localized(rs.getString(6), rs.getString(7)),
                            json.readValue(rs.getString(8), new TypeReference<Map<String, Double>>() { }),
                            clv, clv == null || size == 0 ? null : clv / size, (Double) rs.getObject(10));
                })
                .list();
    }

    /** Writes the segment's customers as they are read from the database, never all in memory. */
    void stream(int id, boolean csv, OutputStream out) {
        boolean showPii = pii.callerMaySee();
        PrintWriter text = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        JsonGenerator generator = csv ? null : json.createGenerator(out);
        if (csv) {
            text.println(CSV_HEADER);
        } else {
            generator.writeStartArray();
        }
        readOnly.executeWithoutResult(status -> cursor.query("""
                SELECT c.user_id, c.province, c.city, c.address, c.age, c.gender, c.lifecycle, c.purchases,
                       c.monetary_total, s.clv, s.churn_risk
                FROM profiles.customer_scores s JOIN profiles.current_refit r USING (refit_id)
                JOIN profiles.customers c ON c.user_id = s.user_id
                WHERE s.segment_id = ? ORDER BY s.clv DESC, c.user_id""", rs -> {
            String address = showPii ? rs.getString(4) : pii.show(rs.getString(4));
            if (csv) {
                text.println(String.join(",", field(rs.getString(1)), field(rs.getString(2)), field(rs.getString(3)),
                        field(address), field(rs.getString(5)), field(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getBigDecimal(9).toPlainString(), Double.toString(rs.getDouble(10)),
                        Double.toString(rs.getDouble(11))));
            } else {
                generator.writeStartObject();
                generator.writeStringProperty("userId", rs.getString(1));
                generator.writeStringProperty("province", rs.getString(2));
                generator.writeStringProperty("city", rs.getString(3));
                generator.writeStringProperty("address", address);
                generator.writePOJOProperty("age", rs.getObject(5));
                generator.writeStringProperty("gender", rs.getString(6));
                generator.writeStringProperty("lifecycle", rs.getString(7));
                generator.writeNumberProperty("purchases", rs.getInt(8));
                generator.writeNumberProperty("monetaryTotal", rs.getBigDecimal(9));
                generator.writeNumberProperty("clv", rs.getDouble(10));
                generator.writeNumberProperty("churnRisk", rs.getDouble(11));
                generator.writeEndObject();
            }
        }, id));
        if (csv) {
            text.flush();
        } else {
            generator.writeEndArray();
            generator.close();
        }
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
