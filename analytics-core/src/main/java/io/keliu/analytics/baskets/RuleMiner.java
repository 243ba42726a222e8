package io.keliu.analytics.baskets;

import io.keliu.analytics.io.DataFormatException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
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
 * @param maxLength     items in the rule at most (default 5; arules' default is 10)
 * @param maxRules      mining fails with {@link TooManyRules} rather than return more rules than this, or search
 *                      through more than {@link #ITEMSETS_PER_RULE} times as many frequent itemsets
 * @param maxTime       mining fails with {@link TooManyRules} when the search takes longer (zero: no limit)
 */
public record RuleMiner(double minSupport, double minConfidence, double minLift, int minLength, int maxLength,
                        int maxRules, Duration maxTime) {

    public static final int DEFAULT_MAX_LENGTH = 5;
    public static final int DEFAULT_MAX_RULES = 100_000;
    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(5);
    /**
     * Itemsets the search may hold per allowed rule: a k-itemset gives up to k rules, and a dense input holds far more
     * itemsets than rules at a high confidence; the bound keeps memory to a few hundred bytes per allowed rule.
     */
    public static final int ITEMSETS_PER_RULE = 10;

    /** Rules whose confidence or support is this close below a threshold are kept: the thresholds are decimals. */
    private static final double ROUNDING = 1e-12;

    public RuleMiner {
        if (!(minSupport > 0 && minSupport <= 1) || minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("support must be in (0, 1] and confidence in [0, 1]");
        }
        if (minLength < 1 || maxLength < Math.max(2, minLength)) {
            throw new IllegalArgumentException("lengths must satisfy 1 <= min length <= max length, max length >= 2");
        }
        if (maxRules < 1 || maxTime.isNegative()) {
            throw new IllegalArgumentException("the maximum number of rules must be at least 1, the time not negative");
        }
    }

    public static RuleMiner of(double minSupport, double minConfidence) {
        return new RuleMiner(minSupport, minConfidence, 0, 1, DEFAULT_MAX_LENGTH, DEFAULT_MAX_RULES,
                DEFAULT_MAX_TIME);
    }

    public RuleMiner withMinLength(int length) {
        return new RuleMiner(minSupport, minConfidence, minLift, length, maxLength, maxRules, maxTime);
    }

    public RuleMiner withMaxLength(int length) {
        return new RuleMiner(minSupport, minConfidence, minLift, minLength, length, maxRules, maxTime);
    }

    public RuleMiner withMinLift(double lift) {
        return new RuleMiner(minSupport, minConfidence, lift, minLength, maxLength, maxRules, maxTime);
    }

    public RuleMiner withMaxRules(int rules) {
        return new RuleMiner(minSupport, minConfidence, minLift, minLength, maxLength, rules, maxTime);
    }

    public RuleMiner withMaxTime(Duration time) {
        return new RuleMiner(minSupport, minConfidence, minLift, minLength, maxLength, maxRules, time);
    }

    /** Too many rules (or itemsets to find them in) for the thresholds; the message says what to change. */
    public static final class TooManyRules extends DataFormatException {
        private final double suggestedSupport;

        TooManyRules(String message, double suggestedSupport) {
            super(message);
            this.suggestedSupport = suggestedSupport;
        }

        /** A support that would cut the search down (ten times the one asked for, or one basket more). */
        public double suggestedSupport() {
            return suggestedSupport;
        }
    }

    /** The smallest basket count that meets the support threshold. */
    public int minCount(int baskets) {
        return Math.max(1, (int) Math.ceil(minSupport * baskets - ROUNDING * baskets));
    }

    /** All rules meeting the thresholds, strongest lift first; {@link TooManyRules} when there are too many. */
    public List<AssociationRule> mine(Baskets baskets) {
        int n = baskets.size();
        List<FrequentItemset> itemsets;
        try {
            itemsets = FpGrowth.mine(baskets, minCount(n), maxLength, new FpGrowth.Limits(
                    (int) Math.min(Integer.MAX_VALUE - 8, (long) maxRules * ITEMSETS_PER_RULE), maxTime));
        } catch (FpGrowth.TooManyItemsets e) {
            throw tooMany(e.getMessage(), n);
        }
        Map<ItemsKey, Integer> countOf = new HashMap<>(itemsets.size() * 2);
        for (FrequentItemset itemset : itemsets) {
            countOf.put(new ItemsKey(itemset.items()), itemset.count());
        }
        List<AssociationRule> rules = new ArrayList<>();
        for (FrequentItemset itemset : itemsets) {
            if (itemset.items().length >= Math.max(2, minLength)) {
                addRules(baskets, itemset, countOf, rules);
                if (rules.size() > maxRules) {
                    throw tooMany("more than " + maxRules + " rules", n);
                }
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

    /** What the user can do about it: fewer rules come from a higher support, confidence or a shorter length. */
    private TooManyRules tooMany(String what, int baskets) {
        double suggested = Math.min(1, Math.max(minSupport * 10, (minCount(baskets) + 1.0) / baskets));
        return new TooManyRules(what + " at support " + decimal(minSupport) + " in " + baskets + " baskets (items "
                + "bought together that often are too many to list); a higher support (e.g. " + decimal(suggested)
                + "), a higher confidence or a shorter maximum length (now " + maxLength + ") gives fewer",
                suggested);
    }

    /** A number as people write it: two significant digits, no trailing zeros. */
    public static String decimal(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
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
