package io.keliu.profile.customers;

import io.keliu.contracts.v1.Alert.Localized;
import io.keliu.profile.ProfileProperties;
import io.keliu.profile.feedback.FeedbackQueries;
import io.keliu.profile.value.RfmThresholds;
import io.keliu.profile.web.PiiPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads customers with the current refit's results. */
@Repository
public class CustomerQueries {
    private final JdbcClient jdbc;
    private final PiiPolicy pii;
    private final Lifecycles lifecycles;
    private final ProfileProperties properties;
    private final Clock clock;
    private final FeedbackQueries feedback;

    public CustomerQueries(JdbcClient jdbc, PiiPolicy pii, Lifecycles lifecycles, ProfileProperties properties,
                           Clock clock, FeedbackQueries feedback) {
        this.jdbc = jdbc;
        this.feedback = feedback;
        this.pii = pii;
        this.lifecycles = lifecycles;
        this.properties = properties;
        this.clock = clock;
    }

    /** The current refit's RFM boundaries, horizon and calibration end, if there was a refit. */
    public record ModelContext(RfmThresholds rfm, int horizonDays, LocalDate calibrationEnd) {
    }

    public Optional<CustomerView> find(String userId, Optional<ModelContext> models) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        return jdbc.sql("""
                        SELECT c.*, a.last_seen_at, a.actions, a.errors, s.expected_purchases, s.probability_alive,
                               s.expected_avg_value, s.clv, s.value_score, s.segment_id, s.churn_risk, s.churn_reasons,
                               g.name_zh, g.name_en, g.description_zh, g.description_en
                        FROM profiles.customers c
                        LEFT JOIN profiles.activity a ON a.user_id = c.user_id
                        LEFT JOIN profiles.current_refit r ON true
                        LEFT JOIN profiles.customer_scores s ON s.refit_id = r.refit_id AND s.user_id = c.user_id
                        LEFT JOIN profiles.segments g ON g.refit_id = r.refit_id AND g.segment_id = s.segment_id
                        WHERE c.user_id = ?""")
                .param(userId)
                .query((rs, n) -> view(rs, today, models))
                .optional()
                .map(view -> withOrdersAndInteractions(view, userId));
    }

    private CustomerView view(ResultSet rs, LocalDate today, Optional<ModelContext> models) throws SQLException {
        Facts facts = new Facts(rs.getInt("orders"), rs.getInt("purchases"), rs.getInt("frequency"),
                rs.getBigDecimal("monetary_total"), rs.getInt("units"), rs.getDouble("mean_repeat_spend"),
                day(rs, "first_purchase_on"), day(rs, "last_purchase_on"), day(rs, "previous_purchase_on"),
                (Double) rs.getObject("previous_gap_days"), rs.getString("preferred_channel"),
                rs.getString("preferred_order_type"), strings(rs.getArray("top_categories")),
                integers(rs.getArray("active_hours")), rs.getString("address"), rs.getString("province"),
                rs.getString("city"));
        CustomerView.Rfm rfm = null;
        String income = null;
        if (models.isPresent() && facts.purchases() > 0) {
            RfmThresholds.Rfm score = models.get().rfm().score(ChronoUnit.DAYS.between(facts.lastPurchase(), today),
                    facts.purchases(), facts.monetaryTotal().doubleValue());
            rfm = new CustomerView.Rfm(score.r(), score.f(), score.m(), score.cell(), score.score(),
                    score.segment().label());
            income = IncomeLevel.of(score.m());
        }
        Integer age = (Integer) rs.getObject("age");
        CustomerView.Profile profile = new CustomerView.Profile(instant(rs, "registered_at"),
                instant(rs, "activated_at"), instant(rs, "last_login_at"), age, AgeBand.of(age),
                rs.getString("gender"), rs.getString("marital_status"), rs.getString("occupation"),
                rs.getString("industry"), rs.getString("province"), rs.getString("city"),
                pii.show(rs.getString("address")), income);
        CustomerView.Purchases purchases = new CustomerView.Purchases(facts.orders(), facts.purchases(),
                facts.monetaryTotal(), facts.purchases() == 0 ? BigDecimal.ZERO
                : facts.monetaryTotal().divide(BigDecimal.valueOf(facts.purchases()), 2, RoundingMode.HALF_EVEN),
                facts.firstPurchase(), facts.lastPurchase(), facts.frequency(),
                facts.purchases() == 0 ? null : ChronoUnit.DAYS.between(facts.firstPurchase(), facts.lastPurchase()),
                facts.purchases() == 0 ? null : ChronoUnit.DAYS.between(facts.firstPurchase(), today),
                facts.daysBetweenPurchases(), facts.units());
        boolean scored = rs.getObject("clv") != null;
        CustomerView.Clv clv = scored ? new CustomerView.Clv(rs.getDouble("expected_purchases"),
                rs.getDouble("probability_alive"), rs.getDouble("expected_avg_value"), rs.getDouble("clv"),
                models.map(ModelContext::horizonDays).orElse(0)) : null;
        CustomerView.Segment segment = scored && rs.getString("name_zh") != null ? new CustomerView.Segment(
                rs.getInt("segment_id"), new Localized(rs.getString("name_zh"), rs.getString("name_en")),
                new Localized(rs.getString("description_zh"), rs.getString("description_en"))) : null;
        CustomerView.Churn churn = scored ? CustomerView.Churn.of(rs.getDouble("churn_risk"),
                strings(rs.getArray("churn_reasons"))) : null;
        CustomerView.Activity activity = rs.getObject("last_seen_at") == null ? null : new CustomerView.Activity(
                instant(rs, "last_seen_at"), rs.getInt("actions"), rs.getInt("errors"));
        return new CustomerView(rs.getString("user_id"), profile, purchases, rfm, clv,
                scored ? rs.getDouble("value_score") : null, segment, lifecycles.stage(facts, today), churn,
                new CustomerView.Preferences(facts.preferredChannel(), facts.preferredOrderType(),
                        facts.topCategories(), facts.activeHours()),
                List.of(), activity, models.map(ModelContext::calibrationEnd).orElse(null), null);
    }

    private CustomerView withOrdersAndInteractions(CustomerView view, String userId) {
        List<CustomerView.RecentOrder> orders = jdbc.sql("""
                        SELECT order_id, min(created_at) AS at, sum(net_amount), sum(net_quantity), count(*)
                        FROM profiles.order_lines WHERE user_id = ? GROUP BY order_id ORDER BY at DESC, order_id
                        LIMIT 10""")
                .param(userId)
                .query((rs, n) -> new CustomerView.RecentOrder(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5)))
                .list();
        return new CustomerView(view.userId(), view.profile(), view.purchases(), view.rfm(), view.clv(),
                view.valueScore(), view.segment(), view.lifecycle(), view.churn(), view.preferences(), orders,
                view.activity(), view.modelsAsOf(), feedback.interactionsOf(userId));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Integer> integers(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    /** Builds the model context from the current refit's model document. */
    @SuppressWarnings("unchecked")
    public static Optional<ModelContext> context(Map<String, Object> model) {
        if (model == null) {
            return Optional.empty();
        }
        Map<String, Object> rfm = (Map<String, Object>) model.get("rfm");
        return Optional.of(new ModelContext(new RfmThresholds(doubles(rfm.get("recency")),
                doubles(rfm.get("frequency")), doubles(rfm.get("monetary"))),
                ((Number) model.get("horizonDays")).intValue(), LocalDate.parse((String) model.get("calibrationEnd"))));
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
