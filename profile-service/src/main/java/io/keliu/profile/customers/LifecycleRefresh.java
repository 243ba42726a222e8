package io.keliu.profile.customers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Stages change with time alone (a silent customer becomes at risk), so after each refit every customer's stored stage
 * is recomputed as of today; between refits a customer's stage follows its own orders.
 */
@Component
public class LifecycleRefresh {
    /** Changed stages per statement (a first refit changes most of them: one statement per customer was slow). */
    private static final int CHUNK = 20_000;

    private final JdbcClient jdbc;
    private final Lifecycles lifecycles;

    public LifecycleRefresh(JdbcClient jdbc, Lifecycles lifecycles) {
        this.jdbc = jdbc;
        this.lifecycles = lifecycles;
    }

    public void refreshAll(LocalDate today) {
        List<String> users = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        jdbc.sql("""
                        SELECT user_id, purchases, frequency, first_purchase_on, last_purchase_on, previous_purchase_on,
                               previous_gap_days, lifecycle FROM profiles.customers""")
                .query(rs -> {
                    Facts facts = new Facts(0, rs.getInt(2), rs.getInt(3), BigDecimal.ZERO, 0, 0,
                            day(rs.getDate(4)), day(rs.getDate(5)), day(rs.getDate(6)),
                            (Double) rs.getObject(7), null, null, List.of(), List.of(), null, null, null);
                    String stage = lifecycles.stage(facts, today).name();
                    if (!stage.equals(rs.getString(8))) {
                        users.add(rs.getString(1));
                        stages.add(stage);
                    }
                });
        for (int from = 0; from < users.size(); from += CHUNK) {
            int to = Math.min(users.size(), from + CHUNK);
            jdbc.sql("""
                            UPDATE profiles.customers c SET lifecycle = changed.stage
                            FROM unnest(?::text[], ?::text[]) AS changed (user_id, stage)
                            WHERE c.user_id = changed.user_id""")
                    .params(users.subList(from, to).toArray(String[]::new),
                            stages.subList(from, to).toArray(String[]::new))
                    .update();
        }
    }

    private static LocalDate day(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
