package io.keliu.analytics.clv;

import io.keliu.analytics.customers.CustomerSummary;

import java.util.List;
import java.util.TreeMap;

/**
 * The repeat customers' number of repeat purchases x and their mean repeat spend m_x, as the Gamma-Gamma model needs
 * them. Customers without repeat purchases carry no information about spend variation and are left out, as in
 * Fader, Hardie &amp; Lee's "RFM and CLV" (2005).
 */
public final class SpendHistories {

    final int[] xIndex;
    final int[] distinctX;
    final double[] meanSpend;
    final double[] logMeanSpend;
    final double[] logX;

    private SpendHistories(int[] x, double[] meanSpend) {
        TreeMap<Integer, Integer> index = new TreeMap<>();
        for (int value : x) {
            index.putIfAbsent(value, 0);
        }
        int next = 0;
        for (var entry : index.entrySet()) {
            entry.setValue(next++);
        }
        distinctX = index.keySet().stream().mapToInt(Integer::intValue).toArray();
        xIndex = new int[x.length];
        logMeanSpend = new double[x.length];
        logX = new double[x.length];
        this.meanSpend = meanSpend;
        for (int i = 0; i < x.length; i++) {
            xIndex[i] = index.get(x[i]);
            logMeanSpend[i] = Math.log(meanSpend[i]);
            logX[i] = Math.log(x[i]);
        }
    }

    /** Keeps the customers with x &gt; 0 and a positive mean spend. */
    public static SpendHistories of(int[] x, double[] meanSpend) {
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && meanSpend[i] > 0) {
                kept++;
            }
        }
        int[] keptX = new int[kept];
        double[] keptSpend = new double[kept];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (x[i] > 0 && meanSpend[i] > 0) {
                keptX[j] = x[i];
                keptSpend[j++] = meanSpend[i];
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no customer with repeat purchases: the spend model cannot be fitted");
        }
        return new SpendHistories(keptX, keptSpend);
    }

    public static SpendHistories of(List<CustomerSummary> summaries) {
        return of(summaries.stream().mapToInt(CustomerSummary::frequency).toArray(),
                summaries.stream().mapToDouble(CustomerSummary::meanRepeatSpend).toArray());
    }

    public int customers() {
        return meanSpend.length;
    }

    double averageSpend() {
        double sum = 0;
        for (double m : meanSpend) {
            sum += m;
        }
        return sum / meanSpend.length;
    }
}
