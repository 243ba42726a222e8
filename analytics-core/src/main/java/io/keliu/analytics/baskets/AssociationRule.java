package io.keliu.analytics.baskets;

import java.util.List;

/**
 * "Baskets with the antecedent items also hold the consequent".
 *
 * @param support    share of baskets holding all items of the rule
 * @param confidence share of baskets with the antecedent that also hold the consequent
 * @param lift       confidence relative to the consequent's own share: above 1 means bought together more than chance
 * @param leverage   support minus the support expected if antecedent and consequent were independent
 * @param conviction (1 − support(consequent)) / (1 − confidence); infinite for rules that always hold
 */
public record AssociationRule(List<String> antecedent, List<String> consequent, double support, double confidence,
                              double lift, double leverage, double conviction) {
}
