package io.keliu.analytics.churn;

import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Purchase;
import io.keliu.analytics.io.CsvTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * Churn risk from the best of {@link ChurnModel}'s classifiers, trained on a shop's own history (docs/profiles.md,
 * "Churn risk"): the features of each customer as of a cut-off one holdout before the calibration end, labelled
 * churned when the customer made no purchase within its expected window after the cut-off (churned-factor × its usual
 * gap, at most the holdout). The trained model then scores everybody's features as of the calibration end.
 *
 * <p>The customer service features (mean rating, complaints, open complaints, as of the same day as the purchase
 * features) are candidates: the model is fitted without and with them on the same split, and they are kept only when
 * they raise the validation AUC by at least {@code feedbackMinAucGain}.
 */
public final class ChurnScorer {
    static final List<String> PURCHASE_FEATURES = List.of("daysSinceLastPurchase", "purchases", "repeatDays",
            "netSpend", "meanRepeatSpend", "customerForDays", "usualGapDays", "silenceInGaps");
    static final List<String> FEEDBACK_FEATURES = List.of("meanRating", "complaints", "openComplaints");
    private static final String ID = "customer";
    private static final String LABEL = "churned";
    private static final int SCORING_CHUNK = 50_000;

    private final double churnedFactor;
    private final int sampleSize;
    private final long seed;
    private final double feedbackMinAucGain;

    /**
     * @param sampleSize         at most this many labelled customers train the model
     * @param feedbackMinAucGain the validation AUC the feedback features must add to be kept
     */
    public ChurnScorer(double churnedFactor, int sampleSize, long seed, double feedbackMinAucGain) {
        this.churnedFactor = churnedFactor;
        this.sampleSize = sampleSize;
        this.seed = seed;
        this.feedbackMinAucGain = feedbackMinAucGain;
    }

    /** Risk and up to three reasons per customer, in the order of {@code customers}, plus the model's name. */
    public record Result(double[] risk, List<List<String>> reasons, String model, double auc, Feedback feedback) {
    }

    /**
     * The decision on the feedback features.
     *
     * @param aucWith null when no training customer had a case (they were not tried)
     */
    public record Feedback(boolean kept, double aucWithout, Double aucWith) {
    }

    /**
     * Held-out AUC of the models without and with the feedback features, fitted on the same customers.
     *
     * @param churnRate              of all labelled customers
     * @param complainedShare        labelled customers with a complaint by the cut-off
     * @param churnRateOfComplainers churn rate among them
     */
    public record Comparison(int trained, int heldOut, double churnRate, double complainedShare,
                             double churnRateOfComplainers, double aucWithout, double aucWith) {
    }

    public Result score(List<Purchase> purchases, List<ServiceCase> cases, List<CustomerSummary> customers,
                        LocalDate calibrationEnd, double populationGapDays) {
        List<Row> sample = labelled(purchases, cases, calibrationEnd, populationGapDays, sampleSize);
        ChurnModel model = ChurnModel.train(table(sample, false), LABEL, ID, seed);
        Feedback feedback = new Feedback(false, auc(model), null);
        if (sample.stream().anyMatch(Row::hasCases)) {
            ChurnModel withFeedback = ChurnModel.train(table(sample, true), LABEL, ID, seed);
            boolean kept = auc(withFeedback) - auc(model) >= feedbackMinAucGain;
            feedback = new Feedback(kept, auc(model), auc(withFeedback));
            model = kept ? withFeedback : model;
        }
        Map<String, List<ServiceCase>> casesOf = byCustomer(cases);
        double[] risk = new double[customers.size()];
        List<List<String>> reasons = new ArrayList<>(customers.size());
        for (int from = 0; from < customers.size(); from += SCORING_CHUNK) {
            List<Row> chunk = new ArrayList<>();
            int to = Math.min(customers.size(), from + SCORING_CHUNK);
            for (CustomerSummary c : customers.subList(from, to)) {
                chunk.add(row(c, casesOf.get(c.customerId()), calibrationEnd, populationGapDays, ""));
            }
            List<ChurnPrediction> predictions = model.score(table(chunk, feedback.kept()), ID);
            for (int i = 0; i < predictions.size(); i++) {
                risk[from + i] = predictions.get(i).probability();
                reasons.add(predictions.get(i).reasons().stream().limit(3)
                        .map(r -> r.column() + " = " + r.value()).toList());
            }
        }
        return new Result(risk, reasons, model.modelName(), auc(model), feedback);
    }

    /**
     * For benchmarks: the labelled customers are split once (seeded) into a held-out share and the rest; both models
     * are fitted on the rest (at most the sample size) and scored on the held-out customers.
     */
    public Comparison compareOnHeldOut(List<Purchase> purchases, List<ServiceCase> cases, LocalDate calibrationEnd,
                                       double populationGapDays, double heldOutShare) {
        List<Row> labelled = labelled(purchases, cases, calibrationEnd, populationGapDays, Integer.MAX_VALUE);
        int held = (int) Math.round(labelled.size() * heldOutShare);
        List<Row> heldOut = labelled.subList(0, held);
        List<Row> training = labelled.subList(held, Math.min(labelled.size(), held + sampleSize));
        int[] churned = heldOut.stream().mapToInt(Row::churned).toArray();
        List<Row> complainers = labelled.stream().filter(Row::complained).toList();
        return new Comparison(training.size(), held, churnRate(labelled),
                (double) complainers.size() / labelled.size(), churnRate(complainers),
                heldOutAuc(training, heldOut, churned, false), heldOutAuc(training, heldOut, churned, true));
    }

    private static double churnRate(List<Row> rows) {
        return rows.stream().mapToInt(Row::churned).average().orElse(Double.NaN);
    }

    private double heldOutAuc(List<Row> training, List<Row> heldOut, int[] churned, boolean withFeedback) {
        ChurnModel model = ChurnModel.train(table(training, withFeedback), LABEL, ID, seed);
        double[] probability = model.score(table(heldOut, withFeedback), ID).stream()
                .mapToDouble(ChurnPrediction::probability).toArray();
        return ValidationMetrics.auc(probability, churned);
    }

    /**
     * The first {@code limit} customers of a seeded random order of every customer known at the cut-off, labelled
     * (only those: a row per customer of a million formats its numbers for nothing when the model samples fewer).
     */
    private List<Row> labelled(List<Purchase> purchases, List<ServiceCase> cases, LocalDate calibrationEnd,
                               double populationGapDays, int limit) {
        long holdout = Math.clamp(Math.round(churnedFactor * populationGapDays), 14, 365);
        LocalDate cutOff = calibrationEnd.minusDays(holdout);
        Map<String, LocalDate> nextPurchase = firstOccasionAfter(purchases, cutOff, calibrationEnd);
        Map<String, List<ServiceCase>> casesOf = byCustomer(cases);
        List<CustomerSummary> past = new ArrayList<>(CustomerSummaries.asOf(purchases, cutOff));
        Collections.shuffle(past, new Random(seed));
        List<CustomerSummary> chosen = past.subList(0, Math.min(limit, past.size()));
        List<Row> rows = new ArrayList<>(chosen.size());
        for (CustomerSummary c : chosen) {
            double window = Math.min(holdout, churnedFactor * usualGap(c, populationGapDays));
            LocalDate next = nextPurchase.get(c.customerId());
            boolean churned = next == null || ChronoUnit.DAYS.between(cutOff, next) > window;
            rows.add(row(c, casesOf.get(c.customerId()), cutOff, populationGapDays, churned ? "1" : "0"));
        }
        return rows;
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

    private static Map<String, List<ServiceCase>> byCustomer(List<ServiceCase> cases) {
        Map<String, List<ServiceCase>> byCustomer = new HashMap<>();
        cases.forEach(c -> byCustomer.computeIfAbsent(c.customerId(), id -> new ArrayList<>()).add(c));
        return byCustomer;
    }

    private static double usualGap(CustomerSummary c, double populationGapDays) {
        return c.frequency() > 0 ? c.recencyWeeks() * 7 / c.frequency() : populationGapDays;
    }

    /** A customer's cells as of {@code day}: the summary must be as of the same day. */
    private static Row row(CustomerSummary c, List<ServiceCase> cases, LocalDate day, double populationGapDays,
                           String label) {
        double gap = usualGap(c, populationGapDays);
        String[] purchaseCells = {Long.toString(c.daysSinceLastPurchase()), Integer.toString(c.purchases()),
                Integer.toString(c.frequency()), number(c.monetaryValue()), number(c.meanRepeatSpend()),
                number(c.ageWeeks() * 7), number(gap), number(c.daysSinceLastPurchase() / gap)};
        int ratings = 0;
        int ratingSum = 0;
        int complaints = 0;
        int open = 0;
        for (ServiceCase known : cases == null ? List.<ServiceCase>of() : cases) {
            if (known.knownOn(day)) {
                ratings += known.rating() == null ? 0 : 1;
                ratingSum += known.rating() == null ? 0 : known.rating();
                complaints += known.complaint() ? 1 : 0;
                open += known.openComplaintOn(day) ? 1 : 0;
            }
        }
        String[] feedbackCells = {ratings == 0 ? "" : number((double) ratingSum / ratings),
                Integer.toString(complaints), Integer.toString(open)};
        return new Row(c.customerId(), label, purchaseCells, feedbackCells, ratings + complaints > 0);
    }

    private record Row(String id, String label, String[] purchaseCells, String[] feedbackCells, boolean hasCases) {
        int churned() {
            return Integer.parseInt(label);
        }

        boolean complained() {
            return !feedbackCells[1].equals("0");
        }

        String[] cells(boolean withFeedback) {
            List<String> cells = new ArrayList<>(List.of(id, label));
            cells.addAll(List.of(purchaseCells));
            if (withFeedback) {
                cells.addAll(List.of(feedbackCells));
            }
            return cells.toArray(String[]::new);
        }
    }

    private static double auc(ChurnModel model) {
        return model.bestEvaluation().validation().auc();
    }

    /** Four decimals, rounded half up, as "%.4f" writes them; without Formatter's cost (a million rows are scored). */
    private static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString()
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static CsvTable table(List<Row> rows, boolean withFeedback) {
        List<String> header = new ArrayList<>(List.of(ID, LABEL));
        header.addAll(PURCHASE_FEATURES);
        if (withFeedback) {
            header.addAll(FEEDBACK_FEATURES);
        }
        List<String[]> cells = rows.stream().map(r -> r.cells(withFeedback)).toList();
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2;
        }
        return new CsvTable("customers", header, cells, lines);
    }
}
