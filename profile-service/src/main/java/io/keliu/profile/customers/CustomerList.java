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

    /** Orders of the list; by a score, customers the current refit has not scored yet come after all scored ones. */
    public enum Sort {
        CLV("s.clv DESC", true), CHURN_RISK("s.churn_risk DESC", true), MONETARY("c.monetary_total DESC", false);

        final String orderBy;
        final boolean byScore;

        Sort(String orderBy, boolean byScore) {
            this.orderBy = orderBy;
            this.byScore = byScore;
        }
    }

    /** Which customers a query reads: all, those the current refit scored, or those it did not. */
    private enum Scores {
        ANY("LEFT JOIN", ""), SCORED("JOIN", ""), UNSCORED("LEFT JOIN", " AND s.user_id IS NULL");

        final String join;
        final String condition;

        Scores(String join, String condition) {
            this.join = join;
            this.condition = condition;
        }
    }

    /** @param valuable only customers in the top fifth by CLV of the current refit (docs/profiles.md) */
    public record Filter(Integer segment, LifecycleStage lifecycle, Double minChurnRisk, Double minClv,
                         String province, boolean valuable) {

        /** True when only scored customers can match. */
        boolean needsScore() {
            return segment != null || minChurnRisk != null || minClv != null || valuable;
        }
    }

    /** @param churnFactors what raises the churn risk most, strongest first (empty before the first refit) */
    public record Item(String userId, String province, String city, LifecycleStage lifecycle, int purchases,
                       BigDecimal monetaryTotal, LocalDate lastPurchaseAt, Double clv, Double churnRisk,
                       Integer segmentId, Double valueScore, List<CustomerView.Factor> churnFactors) {
    }

    public record Page(int page, int size, boolean hasMore, List<Item> items) {
    }

    public Page find(Filter filter, Sort sort, int page, int size) {
        long offset = (long) page * size;
        List<Item> items = sort.byScore ? scoredFirst(filter, sort, offset, size + 1)
                : query(filter, Scores.ANY, sort.orderBy + ", c.user_id", offset, size + 1);
        boolean more = items.size() > size;
        return new Page(page, size, more, more ? items.subList(0, size) : items);
    }

    /**
     * The scored customers in score order, then the unscored ones by id. Two queries, so that each can walk an index
     * (scores by refit and value; customers by id) and stop at the page instead of sorting every customer.
     */
    private List<Item> scoredFirst(Filter filter, Sort sort, long offset, int limit) {
        List<Item> items = new ArrayList<>(query(filter, Scores.SCORED, sort.orderBy + ", s.user_id", offset, limit));
        if (items.size() == limit || filter.needsScore()) {
            return items;
        }
        long unscoredOffset = items.isEmpty() ? Math.max(0, offset - count(filter, Scores.SCORED)) : 0;
        items.addAll(query(filter, Scores.UNSCORED, "c.user_id", unscoredOffset, limit - items.size()));
        return items;
    }

    private List<Item> query(Filter filter, Scores scores, String orderBy, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = select("c.user_id, c.province, c.city, c.lifecycle, c.purchases, c.monetary_total,"
                + " c.last_purchase_on, s.clv, s.churn_risk, s.segment_id, s.value_score, s.churn_reasons",
                filter, scores, params) + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3),
                        LifecycleStage.valueOf(rs.getString(4)), rs.getInt(5), rs.getBigDecimal(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), (Double) rs.getObject(8),
                        (Double) rs.getObject(9), (Integer) rs.getObject(10), (Double) rs.getObject(11),
                        CustomerQueries.strings(rs.getArray(12)).stream().map(CustomerView.Factor::parse).toList()))
                .list();
    }

    private long count(Filter filter, Scores scores) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql(select("count(*)", filter, scores, params)).params(params).query(Long.class).single();
    }

    private String select(String columns, Filter filter, Scores scores, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns)
                .append(" FROM profiles.customers c ").append(scores.join)
                .append(" profiles.customer_scores s ON s.refit_id = (SELECT refit_id FROM profiles.current_refit)")
                .append(" AND s.user_id = c.user_id WHERE true").append(scores.condition);
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
        return sql.toString();
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
