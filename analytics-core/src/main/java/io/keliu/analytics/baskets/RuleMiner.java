package io.keliu.analytics.baskets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Association rules with one item on the right and a non-empty left side, as the R package arules reports them.
 *
 * @param minSupport    a rule's items must be together in at least this share of baskets (count ≥ ⌈minSupport·N⌉)
 * @param minConfidence the rule must hold in at least this share of the antecedent's baskets
 * @param minLift       e.g. 1 to keep only positive associations; 0 keeps all
 * @param minLength     items in the rule (left and right) at least; rules have at least 2 anyway
 * @param maxLength     items in the rule at most (arules' default is 10)
 */
public record RuleMiner(double minSupport, double minConfidence, double minLift, int minLength, int maxLength) {

    /** Rules whose confidence or support is this close below a threshold are kept: the thresholds are decimals. */
    private static final double ROUNDING = 1e-12;

    public RuleMiner {
        if (!(minSupport > 0 && minSupport <= 1) || minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("support must be in (0, 1] and confidence in [0, 1]");
        }
        if (minLength < 1 || maxLength < Math.max(2, minLength)) {
            throw new IllegalArgumentException("lengths must satisfy 1 <= min length <= max length, max length >= 2");
        }
    }

    public static RuleMiner of(double minSupport, double minConfidence) {
        return new RuleMiner(minSupport, minConfidence, 0, 1, 10);
    }

    public RuleMiner withMinLength(int length) {
        return new RuleMiner(minSupport, minConfidence, minLift, length, maxLength);
    }

    public RuleMiner withMinLift(double lift) {
        return new RuleMiner(minSupport, minConfidence, lift, minLength, maxLength);
    }

    /** The smallest basket count that meets the support threshold. */
    public int minCount(int baskets) {
        return Math.max(1, (int) Math.ceil(minSupport * baskets - ROUNDING * baskets));
    }

    /** All rules meeting the thresholds, strongest lift first. */
    public List<AssociationRule> mine(Baskets baskets) {
        int n = baskets.size();
        List<FrequentItemset> itemsets = FpGrowth.mine(baskets, minCount(n), maxLength);
        Map<ItemsKey, Integer> countOf = new HashMap<>(itemsets.size() * 2);
        for (FrequentItemset itemset : itemsets) {
            countOf.put(new ItemsKey(itemset.items()), itemset.count());
        }
        List<AssociationRule> rules = new ArrayList<>();
        for (FrequentItemset itemset : itemsets) {
            if (itemset.items().length >= Math.max(2, minLength)) {
                addRules(baskets, itemset, countOf, rules);
            }
        }
        rules.sort(Comparator.comparingDouble(AssociationRule::lift).reversed()
                .thenComparing(Comparator.comparingDouble(AssociationRule::confidence).reversed()));
        return rules;
    }

    private void addRules(Baskets baskets, FrequentItemset itemset, Map<ItemsKey, Integer> countOf,
                          List<AssociationRule> rules) {
        double n = baskets.size();
        int[] items = itemset.items();
        for (int i = 0; i < items.length; i++) {
            int consequent = items[i];
            int[] antecedent = without(items, i);
            double confidence = (double) itemset.count() / countOf.get(new ItemsKey(antecedent));
            double consequentSupport = baskets.itemCounts()[consequent] / n;
            double lift = confidence / consequentSupport;
            if (confidence + ROUNDING < minConfidence || lift < minLift) {
                continue;
            }
            double support = itemset.count() / n;
            double antecedentSupport = countOf.get(new ItemsKey(antecedent)) / n;
            double conviction = confidence >= 1 ? Double.POSITIVE_INFINITY
                    : (1 - consequentSupport) / (1 - confidence);
            rules.add(new AssociationRule(baskets.names(antecedent), List.of(baskets.items().get(consequent)),
                    support, confidence, lift, support - antecedentSupport * consequentSupport, conviction));
        }
    }

    private static int[] without(int[] items, int index) {
        int[] rest = new int[items.length - 1];
        System.arraycopy(items, 0, rest, 0, index);
        System.arraycopy(items, index + 1, rest, index, items.length - index - 1);
        return rest;
    }

    /** Sorted item codes as a map key. */
    private record ItemsKey(int[] items) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ItemsKey key && Arrays.equals(items, key.items);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(items);
        }
    }
}
