package io.keliu.profile.customers;

import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Lifecycles lifecycles;

    public LifecycleRefresh(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Lifecycles lifecycles) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.lifecycles = lifecycles;
    }

    public void refreshAll(LocalDate today) {
        List<Object[]> changes = new ArrayList<>();
        jdbc.sql("""
                        SELECT user_id, purchases, frequency, first_purchase_on, last_purchase_on, previous_purchase_on,
                               previous_gap_days, lifecycle FROM profiles.customers""")
                .query(rs -> {
                    Facts facts = new Facts(0, rs.getInt(2), rs.getInt(3), BigDecimal.ZERO, 0, 0,
                            day(rs.getDate(4)), day(rs.getDate(5)), day(rs.getDate(6)),
                            (Double) rs.getObject(7), null, null, List.of(), List.of(), null, null, null);
                    String stage = lifecycles.stage(facts, today).name();
                    if (!stage.equals(rs.getString(8))) {
                        changes.add(new Object[]{stage, rs.getString(1)});
                    }
                });
        jdbcTemplate.batchUpdate("UPDATE profiles.customers SET lifecycle = ? WHERE user_id = ?", changes);
    }

    private static LocalDate day(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
