package io.keliu.analytics.churn;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * On simulated telecom customers with a known logistic churn model (the public Telco table is not available from the
 * package registries this project can reach), the models should rank customers nearly as well as the true
 * probabilities do.
 */
class ChurnModelTest {

    private static final int CUSTOMERS = 4000;
    private static final double[] TRUE_PROBABILITY = new double[CUSTOMERS];
    private static CsvTable table;
    private static ChurnModel model;

    @BeforeAll
    static void train() {
        table = CsvTable.parse(SimulatedTelcoCustomers.csv(CUSTOMERS, 11, TRUE_PROBABILITY), "telco.csv");
        model = ChurnModel.train(table, "Churn", "customerID", 42);
    }

    @Test
    void bestModelRanksAlmostAsWellAsTheTruth() {
        int[] churned = new int[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            churned[i] = table.text(i, table.column("Churn")).equals("Yes") ? 1 : 0;
        }
        double oracleAuc = ValidationMetrics.auc(TRUE_PROBABILITY, churned);

        assertThat(model.evaluations()).extracting(ChurnModel.Evaluation::model)
                .containsExactly("logistic regression", "decision tree", "random forest");
        assertThat(model.bestEvaluation().validation().auc()).isGreaterThan(oracleAuc - 0.04);
        assertThat(model.evaluations()).allSatisfy(e -> assertThat(e.validation().auc()).isGreaterThan(0.7));
    }

    @Test
    void logisticRegressionIsWellCalibratedOnLogisticData() {
        ValidationMetrics logistic = model.evaluations().getFirst().validation();

        assertThat(logistic.brierScore()).isLessThan(logistic.churnRate() * (1 - logistic.churnRate()));
        double meanPrediction = logistic.reliability().stream()
                .mapToDouble(bin -> bin.meanPrediction() * bin.customers()).sum() / logistic.customers();
        assertThat(meanPrediction).isCloseTo(logistic.churnRate(), within(0.03));
        // each bin's observed rate within 3.5 binomial standard errors of its mean prediction
        assertThat(logistic.reliability()).allSatisfy(bin -> assertThat(bin.churnRate()).isCloseTo(
                bin.meanPrediction(), within(0.02 + 3.5 * Math.sqrt(
                        bin.meanPrediction() * (1 - bin.meanPrediction()) / bin.customers()))));
        assertThat(logistic.customers()).isEqualTo(CUSTOMERS / 4);
    }

    @Test
    void predictionsExplainTheRisk() {
        List<ChurnPrediction> predictions = model.score(table, "customerID");
        ChurnPrediction riskiest = predictions.stream()
                .max((a, b) -> Double.compare(a.probability(), b.probability())).orElseThrow();

        assertThat(predictions).hasSize(CUSTOMERS);
        assertThat(riskiest.reasons()).isNotEmpty();
        assertThat(riskiest.reasons()).extracting(ChurnPrediction.Reason::column).doesNotContain("gender");
        assertThat(model.importance().getFirst().feature()).doesNotStartWith("gender");
    }

    @Test
    void blankCellsAreImputedAndFlagged() {
        FeatureEncoder encoder = FeatureEncoder.learn(table, List.of("TotalCharges", "SupportCalls", "Contract"),
                IntStream.range(0, CUSTOMERS).toArray());

        assertThat(encoder.featureNames()).containsExactly("TotalCharges", "TotalCharges is missing", "SupportCalls",
                "SupportCalls is missing", "Contract=Month-to-month", "Contract=One year", "Contract=Two year");
    }

    @Test
    void wrongLabelsAndSingleClassesAreClearErrors() {
        CsvTable badLabel = CsvTable.parse("id,x,churn\n1,3,yes\n2,4,maybe\n", "t.csv");
        CsvTable oneClass = CsvTable.parse("id,x,churn\n1,3,no\n2,4,no\n3,5,no\n", "t.csv");

        assertThatThrownBy(() -> ChurnModel.train(badLabel, "churn", "id", 1)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 3, column churn").hasMessageContaining("maybe");
        assertThatThrownBy(() -> ChurnModel.train(oneClass, "churn", "id", 1))
                .hasMessageContaining("need at least two churned");
    }
}
