package io.keliu.profile.churn;

import io.keliu.analytics.churn.ChurnModel;
import io.keliu.analytics.churn.ChurnPrediction;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Purchase;
import io.keliu.analytics.io.CsvTable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Churn risk from the analytics library's best model (logistic regression, decision tree or random forest, chosen by
 * validation AUC), trained on the platform's own history (docs/profiles.md, "Churn risk"): the features of each
 * customer as of a cut-off one holdout before the calibration end, labelled churned when the customer made no purchase
 * within its expected window after the cut-off (churned-factor × its usual gap, at most the holdout). The trained
 * model then scores everybody's features as of the calibration end.
 */
public final class ChurnScorer {
    static final List<String> FEATURES = List.of("daysSinceLastPurchase", "purchases", "repeatDays", "netSpend",
            "meanRepeatSpend", "customerForDays", "usualGapDays", "silenceInGaps");
    private static final String ID = "customer";
    private static final String LABEL = "churned";
    private static final int SCORING_CHUNK = 50_000;

    private final double churnedFactor;
    private final int sampleSize;
    private final long seed;

    public ChurnScorer(double churnedFactor, int sampleSize, long seed) {
        this.churnedFactor = churnedFactor;
        this.sampleSize = sampleSize;
        this.seed = seed;
    }

    /** Risk and up to three reasons per customer, in the order of {@code customers}, plus the model's name. */
    public record Result(double[] risk, List<List<String>> reasons, String model, double auc) {
    }

    public Result score(List<Purchase> purchases, List<CustomerSummary> customers, LocalDate calibrationEnd,
                        double populationGapDays) {
        long holdout = Math.clamp(Math.round(churnedFactor * populationGapDays), 14, 365);
        LocalDate cutOff = calibrationEnd.minusDays(holdout);
        List<CustomerSummary> past = CustomerSummaries.asOf(purchases, cutOff);
        Map<String, LocalDate> nextPurchase = firstOccasionAfter(purchases, cutOff, calibrationEnd);
        List<CustomerSummary> sample = new ArrayList<>(past);
        Collections.shuffle(sample, new Random(seed));
        List<String[]> rows = new ArrayList<>();
        for (CustomerSummary c : sample.subList(0, Math.min(sampleSize, sample.size()))) {
            double window = Math.min(holdout, churnedFactor * usualGap(c, populationGapDays));
            LocalDate next = nextPurchase.get(c.customerId());
            boolean churned = next == null || ChronoUnit.DAYS.between(cutOff, next) > window;
            rows.add(row(c, populationGapDays, churned ? "1" : "0"));
        }
        ChurnModel model = ChurnModel.train(table(rows), LABEL, ID, seed);
        double[] risk = new double[customers.size()];
        List<List<String>> reasons = new ArrayList<>(customers.size());
        for (int from = 0; from < customers.size(); from += SCORING_CHUNK) {
            List<String[]> chunk = new ArrayList<>();
            int to = Math.min(customers.size(), from + SCORING_CHUNK);
            for (CustomerSummary c : customers.subList(from, to)) {
                chunk.add(row(c, populationGapDays, ""));
            }
            List<ChurnPrediction> predictions = model.score(table(chunk), ID);
            for (int i = 0; i < predictions.size(); i++) {
                risk[from + i] = predictions.get(i).probability();
                reasons.add(predictions.get(i).reasons().stream().limit(3)
                        .map(r -> r.column() + " = " + r.value()).toList());
            }
        }
        return new Result(risk, reasons, model.modelName(), model.bestEvaluation().validation().auc());
    }

    /** The first day after the cut-off, up to the calibration end, on which each customer made an occasion. */
    private static Map<String, LocalDate> firstOccasionAfter(List<Purchase> purchases, LocalDate cutOff,
                                                             LocalDate end) {
        List<Purchase> later = purchases.stream().filter(p -> p.day().isAfter(cutOff)).toList();
        Map<String, LocalDate> first = new HashMap<>();
        if (later.isEmpty()) {
            return first;
        }
        Set<String> known = new HashSet<>();
        purchases.stream().filter(p -> !p.day().isAfter(cutOff)).forEach(p -> known.add(p.customerId()));
        for (CustomerSummary c : CustomerSummaries.asOf(later, end)) {
            if (known.contains(c.customerId()) && c.purchases() > 0) {
                first.put(c.customerId(), c.firstPurchase());
            }
        }
        return first;
    }

    private static double usualGap(CustomerSummary c, double populationGapDays) {
        return c.frequency() > 0 ? c.recencyWeeks() * 7 / c.frequency() : populationGapDays;
    }

    private static String[] row(CustomerSummary c, double populationGapDays, String label) {
        double gap = usualGap(c, populationGapDays);
        return new String[]{c.customerId(), label, Long.toString(c.daysSinceLastPurchase()),
                Integer.toString(c.purchases()), Integer.toString(c.frequency()), number(c.monetaryValue()),
                number(c.meanRepeatSpend()), number(c.ageWeeks() * 7), number(gap),
                number(c.daysSinceLastPurchase() / gap)};
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static CsvTable table(List<String[]> rows) {
        List<String> header = new ArrayList<>(List.of(ID, LABEL));
        header.addAll(FEATURES);
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2;
        }
        return new CsvTable("customers", header, rows, lines);
    }
}
