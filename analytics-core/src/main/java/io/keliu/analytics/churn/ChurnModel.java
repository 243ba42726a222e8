package io.keliu.analytics.churn;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Churn prediction from a labelled customer table: logistic regression, a decision tree and a random forest are fitted
 * on a stratified 75 % of the labelled rows and compared on the other 25 %; the one with the best validation AUC is
 * kept to score customers.
 */
public final class ChurnModel {

    private static final double VALIDATION_SHARE = 0.25;
    private static final int REASONS = 3;

    private final FeatureEncoder encoder;
    private final ChurnClassifier best;
    private final List<Evaluation> evaluations;
    private final int skippedRows;

    private ChurnModel(FeatureEncoder encoder, ChurnClassifier best, List<Evaluation> evaluations, int skippedRows) {
        this.encoder = encoder;
        this.best = best;
        this.evaluations = evaluations;
        this.skippedRows = skippedRows;
    }

    /** A candidate model's validation result. */
    public record Evaluation(String model, ValidationMetrics validation) {
    }

    /** An encoded feature's overall importance in the kept model. */
    public record Importance(String feature, double importance) {
    }

    /**
     * @param labelColumn churned (1/yes/true) or not (0/no/false); rows with a blank label are skipped
     * @param idColumn    customer id, not used as a feature
     */
    public static ChurnModel train(CsvTable table, String labelColumn, String idColumn, long seed) {
        int label = table.column(labelColumn);
        int id = table.column(idColumn);
        List<Integer> labelledRows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            int value = ChurnLabels.parse(table, row, label);
            if (value != ChurnLabels.UNKNOWN) {
                labelledRows.add(row);
                labels.add(value);
            }
        }
        int[] rows = labelledRows.stream().mapToInt(Integer::intValue).toArray();
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        requireBothClasses(table, y);
        StratifiedSplit split = StratifiedSplit.of(rows, y, VALIDATION_SHARE, seed);
        List<String> featureColumns = IntStream.range(0, table.header().size())
                .filter(c -> c != label && c != id && !table.header().get(c).isEmpty())
                .mapToObj(table.header()::get).toList();
        if (featureColumns.isEmpty()) {
            throw new DataFormatException(table.source() + ": no feature columns besides the label and the id");
        }
        FeatureEncoder encoder = FeatureEncoder.learn(table, featureColumns, split.train());
        double[][] trainX = encoder.encode(table, split.train());
        int[] trainY = labelsOf(table, label, split.train());
        double[][] validationX = encoder.encode(table, split.validation());
        int[] validationY = labelsOf(table, label, split.validation());
        List<ChurnClassifier> candidates = List.of(
                new LogisticChurnClassifier(trainX, trainY),
                TreeChurnClassifier.decisionTree(trainX, trainY, encoder.featureNames()),
                TreeChurnClassifier.randomForest(trainX, trainY, encoder.featureNames(), seed));
        List<Evaluation> evaluations = new ArrayList<>();
        ChurnClassifier best = null;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (ChurnClassifier candidate : candidates) {
            ValidationMetrics metrics = ValidationMetrics.of(candidate.probabilities(validationX), validationY);
            evaluations.add(new Evaluation(candidate.name(), metrics));
            if (metrics.auc() > bestAuc) {
                best = candidate;
                bestAuc = metrics.auc();
            }
        }
        return new ChurnModel(encoder, best, List.copyOf(evaluations), table.size() - rows.length);
    }

    public String modelName() {
        return best.name();
    }

    public List<Evaluation> evaluations() {
        return evaluations;
    }

    public Evaluation bestEvaluation() {
        return evaluations.stream().filter(e -> e.model().equals(best.name())).findFirst().orElseThrow();
    }

    /** Training rows without a label, left out of fitting and validation. */
    public int skippedRows() {
        return skippedRows;
    }

    public List<Importance> importance() {
        double[] importance = best.importance();
        List<String> names = encoder.featureNames();
        return IntStream.range(0, importance.length).mapToObj(j -> new Importance(names.get(j), importance[j]))
                .sorted(Comparator.comparingDouble(Importance::importance).reversed()).toList();
    }

    /** Churn probabilities and reasons for every row of a table with the training's feature columns. */
    public List<ChurnPrediction> score(CsvTable table, String idColumn) {
        int id = table.column(idColumn);
        int[] rows = IntStream.range(0, table.size()).toArray();
        if (rows.length == 0) {
            throw new DataFormatException(table.source() + ": no customers to score");
        }
        double[][] x = encoder.encode(table, rows);
        List<ChurnPrediction> predictions = new ArrayList<>(rows.length);
        for (int row : rows) {
            predictions.add(new ChurnPrediction(table.text(row, id), best.probability(x[row]),
                    reasons(table, row, best.contributions(x[row]))));
        }
        return predictions;
    }

    /** Contributions summed per input column (one-hot levels belong together), the positive ones strongest first. */
    private List<ChurnPrediction.Reason> reasons(CsvTable table, int row, double[] contributions) {
        Map<String, Double> byColumn = new LinkedHashMap<>();
        for (int j = 0; j < contributions.length; j++) {
            byColumn.merge(encoder.sourceColumn(j), contributions[j], Double::sum);
        }
        return byColumn.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(REASONS)
                .map(e -> new ChurnPrediction.Reason(e.getKey(), table.text(row, table.column(e.getKey())),
                        e.getValue()))
                .toList();
    }

    private static int[] labelsOf(CsvTable table, int label, int[] rows) {
        return IntStream.of(rows).map(row -> ChurnLabels.parse(table, row, label)).toArray();
    }

    private static void requireBothClasses(CsvTable table, int[] y) {
        long churned = IntStream.of(y).filter(v -> v == 1).count();
        if (churned < 2 || y.length - churned < 2) {
            throw new DataFormatException(table.source() + ": need at least two churned and two staying customers "
                    + "with labels, found " + churned + " and " + (y.length - churned));
        }
    }
}
