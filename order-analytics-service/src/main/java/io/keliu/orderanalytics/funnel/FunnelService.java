package io.keliu.orderanalytics.funnel;

import io.keliu.orderanalytics.web.Parameters.ApiWord;
import io.keliu.orderanalytics.web.Parameters.TimeRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversion funnel of the orders placed in a range: how many reached created → paid → shipped → completed (a
 * later step counts as having passed the earlier ones), how many dropped out before each step, and the median time
 * each step took where both its times are known.
 */
@Service
public class FunnelService {
    private final JdbcTemplate jdbc;

    public FunnelService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public enum GroupBy implements ApiWord { CHANNEL, PROVINCE }

    public record Funnel(String from, String to, String groupBy, List<Group> groups) {
    }

    public record Group(String group, List<Step> steps) {
    }

    /**
     * @param dropOff           orders of the step before that did not reach this one
     * @param dropOffRate       that share of the step before (null for the first step or an empty one)
     * @param medianSeconds     median time from the step before to this one (null for created, or when unknown)
     */
    public record Step(String step, long orders, long dropOff, Double dropOffRate, Double medianSeconds) {
    }

    public Funnel funnel(TimeRange range, GroupBy groupBy) {
        String group = groupBy == null ? "'all'" : groupBy.word();
        List<Group> groups = jdbc.query("""
                SELECT %s AS grp, count(*) AS created,
                       count(*) FILTER (WHERE paid OR shipped OR completed) AS paid,
                       count(*) FILTER (WHERE shipped OR completed) AS shipped,
                       count(*) FILTER (WHERE completed) AS completed,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - created_at))
                           FILTER (WHERE paid_at >= created_at) AS paid_median,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM shipped_at - paid_at))
                           FILTER (WHERE shipped_at >= paid_at) AS shipped_median,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - shipped_at))
                           FILTER (WHERE completed_at >= shipped_at) AS completed_median
                FROM order_funnel WHERE placed AND created_at >= ? AND created_at < ?
                GROUP BY grp ORDER BY grp""".formatted(group),
                (row, n) -> group(row), Timestamp.from(range.from()), Timestamp.from(range.to()));
        return new Funnel(range.from().toString(), range.to().toString(), groupBy == null ? null : groupBy.word(),
                groups);
    }

    private static Group group(ResultSet row) throws SQLException {
        long created = row.getLong("created");
        long paid = row.getLong("paid");
        long shipped = row.getLong("shipped");
        long completed = row.getLong("completed");
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("created", created, 0, null, null));
        steps.add(step("paid", paid, created, median(row, "paid_median")));
        steps.add(step("shipped", shipped, paid, median(row, "shipped_median")));
        steps.add(step("completed", completed, shipped, median(row, "completed_median")));
        return new Group(row.getString("grp"), steps);
    }

    private static Step step(String name, long orders, long before, Double median) {
        long dropOff = before - orders;
        return new Step(name, orders, dropOff, before == 0 ? null : (double) dropOff / before, median);
    }

    private static Double median(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
