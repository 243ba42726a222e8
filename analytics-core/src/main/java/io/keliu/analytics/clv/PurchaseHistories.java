package io.keliu.analytics.clv;

import io.keliu.analytics.customers.CustomerSummary;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The (x, t_x, T) triples of many customers, stored so that a likelihood evaluation is cheap: identical triples are
 * one weighted group, and the values of x, t_x and T are indexed so that terms depending on one of them alone
 * (log-gamma of x, logarithms of t_x or T) are computed once per distinct value instead of once per customer.
 */
public final class PurchaseHistories {

    final int[] groupWeight;
    final int[] groupX;
    final int[] groupRecencyIndex;
    final int[] groupAgeIndex;
    final int[] distinctX;
    final double[] distinctRecency;
    final double[] distinctAge;
    private final int customers;

    private PurchaseHistories(int customers, Map<Triple, Integer> counts) {
        this.customers = customers;
        int groups = counts.size();
        groupWeight = new int[groups];
        groupX = new int[groups];
        groupRecencyIndex = new int[groups];
        groupAgeIndex = new int[groups];
        Map<Integer, Integer> xIndex = new LinkedHashMap<>();
        Map<Double, Integer> recencyIndex = new LinkedHashMap<>();
        Map<Double, Integer> ageIndex = new LinkedHashMap<>();
        int g = 0;
        for (Map.Entry<Triple, Integer> entry : counts.entrySet()) {
            Triple triple = entry.getKey();
            groupWeight[g] = entry.getValue();
            groupX[g] = xIndex.computeIfAbsent(triple.x(), k -> xIndex.size());
            groupRecencyIndex[g] = recencyIndex.computeIfAbsent(triple.recency(), k -> recencyIndex.size());
            groupAgeIndex[g] = ageIndex.computeIfAbsent(triple.age(), k -> ageIndex.size());
            g++;
        }
        distinctX = xIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
        distinctRecency = recencyIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        distinctAge = ageIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @param x  repeat purchases of each customer
     * @param tx weeks (or any time unit) from first to last purchase
     * @param T  time from first purchase to the end of the calibration period, in the same unit
     */
    public static PurchaseHistories of(int[] x, double[] tx, double[] T) {
        if (x.length != tx.length || x.length != T.length) {
            throw new IllegalArgumentException("x, t_x and T must have one value per customer");
        }
        Map<Triple, Integer> counts = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0 || tx[i] < 0 || tx[i] > T[i] || (x[i] == 0 && tx[i] != 0)) {
                throw new IllegalArgumentException("customer " + i + ": inconsistent history x=" + x[i]
                        + ", t_x=" + tx[i] + ", T=" + T[i]);
            }
            counts.merge(new Triple(x[i], tx[i], T[i]), 1, Integer::sum);
        }
        return new PurchaseHistories(x.length, counts);
    }

    public static PurchaseHistories of(List<CustomerSummary> summaries) {
        return of(summaries.stream().mapToInt(CustomerSummary::frequency).toArray(),
                summaries.stream().mapToDouble(CustomerSummary::recencyWeeks).toArray(),
                summaries.stream().mapToDouble(CustomerSummary::ageWeeks).toArray());
    }

    public int customers() {
        return customers;
    }

    /** Distinct (x, t_x, T) triples: the work one likelihood evaluation does. */
    public int groups() {
        return groupWeight.length;
    }

    double meanAge() {
        double sum = 0;
        for (int g = 0; g < groups(); g++) {
            sum += groupWeight[g] * distinctAge[groupAgeIndex[g]];
        }
        return sum / customers;
    }

    private record Triple(int x, double recency, double age) {
    }
}
