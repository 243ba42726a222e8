package io.keliu.profile.customers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The filtered, sorted customer list of {@code GET /api/v1/customers}. */
@Repository
public class CustomerList {
    private final JdbcClient jdbc;

    public CustomerList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Sort {
        CLV("s.clv DESC NULLS LAST"), CHURN_RISK("s.churn_risk DESC NULLS LAST"),
        MONETARY("c.monetary_total DESC");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** @param valuable only customers in the top fifth by CLV of the current refit (docs/profiles.md) */
    public record Filter(Integer segment, LifecycleStage lifecycle, Double minChurnRisk, Double minClv,
                         String province, boolean valuable) {
    }

    /** @param churnFactors what raises the churn risk most, strongest first (empty before the first refit) */
    public record Item(String userId, String province, String city, LifecycleStage lifecycle, int purchases,
                       BigDecimal monetaryTotal, LocalDate lastPurchaseAt, Double clv, Double churnRisk,
                       Integer segmentId, Double valueScore, List<CustomerView.Factor> churnFactors) {
    }

    public record Page(int page, int size, boolean hasMore, List<Item> items) {
    }

    public Page find(Filter filter, Sort sort, int page, int size) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.user_id, c.province, c.city, c.lifecycle, c.purchases, c.monetary_total, c.last_purchase_on,
                       s.clv, s.churn_risk, s.segment_id, s.value_score, s.churn_reasons
                FROM profiles.customers c
                LEFT JOIN profiles.customer_scores s
                       ON s.refit_id = (SELECT refit_id FROM profiles.current_refit) AND s.user_id = c.user_id
                WHERE true""");
        List<Object> params = new ArrayList<>();
        if (filter.segment() != null) {
            sql.append(" AND s.segment_id = ?");
            params.add(filter.segment());
        }
        if (filter.lifecycle() != null) {
            sql.append(" AND c.lifecycle = ?");
            params.add(filter.lifecycle().name());
        }
        if (filter.minChurnRisk() != null) {
            sql.append(" AND s.churn_risk >= ?");
            params.add(filter.minChurnRisk());
        }
        if (filter.minClv() != null) {
            sql.append(" AND s.clv >= ?");
            params.add(filter.minClv());
        }
        if (filter.province() != null) {
            sql.append(" AND c.province = ?");
            params.add(filter.province());
        }
        if (filter.valuable()) {
            sql.append(" AND s.clv >= ?");
            params.add(valuableClv().orElse(Double.POSITIVE_INFINITY));
        }
        sql.append(" ORDER BY ").append(sort.orderBy).append(", c.user_id LIMIT ? OFFSET ?");
        params.add(size + 1);
        params.add((long) page * size);
        List<Item> items = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3),
                        LifecycleStage.valueOf(rs.getString(4)), rs.getInt(5), rs.getBigDecimal(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), (Double) rs.getObject(8),
                        (Double) rs.getObject(9), (Integer) rs.getObject(10), (Double) rs.getObject(11),
                        CustomerQueries.strings(rs.getArray(12)).stream().map(CustomerView.Factor::parse).toList()))
                .list();
        boolean more = items.size() > size;
        return new Page(page, size, more, more ? items.subList(0, size) : items);
    }

    /**
     * The smallest CLV of the current refit's top fifth: the ⌈n/5⌉ largest, the fifth the valuable-at-risk alert
     * watches ({@code ntile(5)}); empty before the first refit.
     */
    Optional<Double> valuableClv() {
        return jdbc.sql("""
                        SELECT s.clv FROM profiles.customer_scores s JOIN profiles.current_refit r USING (refit_id)
                        ORDER BY s.clv DESC
                        OFFSET (SELECT greatest((f.customers + 4) / 5 - 1, 0) FROM profiles.refits f
                                JOIN profiles.current_refit c USING (refit_id))
                        LIMIT 1""")
                .query(Double.class).optional();
    }
}
