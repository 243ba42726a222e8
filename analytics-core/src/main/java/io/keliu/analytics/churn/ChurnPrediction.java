package io.keliu.analytics.churn;

import java.util.List;

/**
 * A customer's churn probability and what drives it.
 *
 * @param reasons the input columns that raise this customer's risk most, strongest first
 */
public record ChurnPrediction(String id, double probability, List<Reason> reasons) {

    /** An input column, the customer's value in it, and how much it raises the churn score. */
    public record Reason(String column, String value, double contribution) {
    }
}
