package io.keliu.profile.customers;

import io.keliu.contracts.v1.Alert.Localized;
import io.keliu.profile.feedback.Interactions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The 360° view of a customer ({@code GET /api/v1/customers/{userId}}); docs/profiles.md defines every number. */
public record CustomerView(String userId, Profile profile, Purchases purchases, Rfm rfm, Clv clv, Double valueScore,
                           Segment segment, LifecycleStage lifecycle, Churn churn, Preferences preferences,
                           List<RecentOrder> recentOrders, Activity activity, LocalDate modelsAsOf,
                           Interactions interactions) {

    public record Profile(Instant registeredAt, Instant activatedAt, Instant lastLoginAt, Integer age, String ageBand,
                          String gender, String maritalStatus, String occupation, String industry, String province,
                          String city, String address, String incomeLevel) {
    }

    /** Days as BG/NBD uses them: recency from the first to the last purchase day, T from the first to today. */
    public record Purchases(int orders, int purchases, BigDecimal monetaryTotal, BigDecimal averageOrderValue,
                            LocalDate firstPurchaseAt, LocalDate lastPurchaseAt, int frequency, Long recency, Long T,
                            Double daysBetweenPurchases, int units) {
    }

    public record Rfm(int r, int f, int m, String cell, double score, String segment) {
    }

    public record Clv(double expectedPurchases, double probabilityAlive, double expectedAverageValue, double value,
                      int horizonDays) {
    }

    public record Segment(int id, Localized name, Localized description) {
    }

    /**
     * @param reasons the features that raise the risk most, strongest first, as text ({@code daysSinceLastPurchase =
     *                120})
     * @param factors the same as feature name and the customer's value, for a reader to word
     */
    public record Churn(double risk, List<String> reasons, List<Factor> factors) {
        public static Churn of(double risk, List<String> reasons) {
            return new Churn(risk, reasons, reasons.stream().map(Factor::parse).toList());
        }
    }

    /**
     * A churn model input (analytics-core ChurnScorer's features, e.g. {@code silenceInGaps}) and the customer's value
     * of it.
     */
    public record Factor(String feature, Double value) {
        static Factor parse(String reason) {
            int equals = reason.indexOf(" = ");
            if (equals < 0) {
                return new Factor(reason, null);
            }
            String value = reason.substring(equals + 3).strip();
            try {
                return new Factor(reason.substring(0, equals), Double.valueOf(value));
            } catch (NumberFormatException e) {
                return new Factor(reason.substring(0, equals), null);
            }
        }
    }

    public record Preferences(String channel, String orderType, List<String> categories, List<Integer> hours) {
    }

    public record RecentOrder(String orderId, Instant createdAt, BigDecimal total, int units, int lines) {
    }

    public record Activity(Instant lastSeenAt, int actions, int errors) {
    }
}
