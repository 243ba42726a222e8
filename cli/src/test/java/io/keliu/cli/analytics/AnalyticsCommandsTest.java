package io.keliu.cli.analytics;

import io.keliu.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;

import static io.keliu.cli.CliRun.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/** The analytics commands on the reference data sets, run in-process. */
class AnalyticsCommandsTest {

    @Test
    void clvOnCdnowPrintsThePublishedParameters() {
        CliRun run = CliRun.of("analytics", "clv", "--cdnow", data("CDNOW_sample.txt"), "--calibration-end",
                "1997-09-30", "--horizon-weeks", "39");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.at("/bgnbd/r").asDouble()).isCloseTo(0.243, withPercentage(1));
        assertThat(json.at("/bgnbd/alpha").asDouble()).isCloseTo(4.414, withPercentage(1));
        assertThat(json.at("/bgnbd/a").asDouble()).isCloseTo(0.793, withPercentage(1));
        assertThat(json.at("/bgnbd/b").asDouble()).isCloseTo(2.426, withPercentage(1));
        assertThat(json.at("/bgnbd/logLikelihood").asDouble()).isCloseTo(-9582.4, within(1.0));
        assertThat(json.at("/gammaGamma/p").asDouble()).isCloseTo(6.25, withPercentage(1));
        assertThat(json.at("/gammaGamma/q").asDouble()).isCloseTo(3.74, withPercentage(1));
        assertThat(json.at("/gammaGamma/gamma").asDouble()).isCloseTo(15.44, withPercentage(1));
        JsonNode first = json.at("/customers/0");
        assertThat(first.get("frequency").asInt()).isEqualTo(2);
        assertThat(first.get("expectedPurchases").asDouble()).isCloseTo(1.226, within(0.002));
        assertThat(json.get("customers")).hasSize(2357);
    }

    @Test
    void clvOnOrders() {
        CliRun run = CliRun.of("analytics", "clv", "--orders", data("sample_orders.csv"), "--calibration-end",
                "2024-03-31");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("customers")).hasSize(3);
    }

    @Test
    void rfmScoresEveryKnownCustomer() {
        CliRun run = CliRun.of("analytics", "rfm", "--orders", data("sample_orders.csv"), "--as-of", "2024-03-31");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode u1 = run.json().at("/scores/0");
        assertThat(u1.get("customerId").asString()).isEqualTo("u1");
        assertThat(u1.get("purchases").asInt()).isEqualTo(3);
        assertThat(u1.get("weightedScore").asDouble()).isCloseTo(
                0.3 * u1.get("r").asInt() + 0.3 * u1.get("f").asInt() + 0.4 * u1.get("m").asInt(), within(1e-9));
        assertThat(u1.get("valueScore").asDouble()).as("most units, spend and repeats of the three").isEqualTo(1.0);
    }

    @Test
    void segmentReproducesTheMallPartition() {
        CliRun run = CliRun.of("analytics", "segment", "--input", data("Mall_Customers.csv"), "--features",
                "Annual Income (k$),Spending Score (1-100)", "--k", "5", "--no-scale", "--id", "CustomerID");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("withinSumOfSquares").asDouble()).isCloseTo(44_448.46, within(0.01));
        assertThat(json.get("silhouette").asDouble()).isCloseTo(0.554, within(0.001));
        assertThat(StreamSupport.stream(json.get("segments").spliterator(), false)
                .mapToInt(segment -> segment.get("size").asInt()).sorted().toArray())
                .containsExactly(22, 23, 35, 39, 81);
        assertThat(json.at("/segments/0/centroid/Annual Income (k$)").isNumber()).isTrue();
        assertThat(json.get("assignments")).hasSize(200);
    }

    @Test
    void segmentChoosesKAndSupportsOtherMethods() {
        CliRun chosen = CliRun.of("analytics", "segment", "--input", data("Mall_Customers.csv"), "--features",
                "Age,Annual Income (k$),Spending Score (1-100)");
        CliRun ward = CliRun.of("analytics", "segment", "--input", data("Mall_Customers.csv"), "--features",
                "Age,Annual Income (k$),Spending Score (1-100)", "--k", "4", "--method", "hierarchical");

        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(chosen.json().get("silhouetteByK")).hasSize(9);
        assertThat(ward.exitCode()).as(ward.err()).isZero();
        assertThat(ward.json().get("k").asInt()).isEqualTo(4);
    }

    @Test
    void churnTrainsComparesAndScores() {
        CliRun run = CliRun.of("analytics", "churn", "--train", data("churn_train.csv"), "--label", "Churn", "--id",
                "customerID", "--score", data("churn_score.csv"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("model").asString()).isIn("logistic regression", "decision tree", "random forest");
        assertThat(json.at("/validation/auc").asDouble()).isGreaterThan(0.75);
        assertThat(json.get("candidates")).hasSize(3);
        assertThat(json.get("predictions")).hasSize(20);
        assertThat(json.at("/predictions/0/id").asString()).isEqualTo("C00000");
        assertThat(json.at("/predictions/0/probability").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void rulesOnGroceriesCountLikeArules() {
        CliRun run = CliRun.of("analytics", "rules", "--baskets", data("groceries.csv"), "--min-support", "0.006",
                "--min-confidence", "0.25", "--min-length", "2", "--top", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("ruleCount").asInt()).isEqualTo(463);
        assertThat(json.get("rules")).hasSize(5);
        assertThat(json.at("/rules/0/consequent")).hasSize(1);
        assertThat(json.at("/rules/0/lift").asDouble()).isGreaterThan(json.at("/rules/4/lift").asDouble() - 1e-12);
    }

    @Test
    void rulesFromOrders() {
        CliRun run = CliRun.of("analytics", "rules", "--orders", data("sample_orders.csv"), "--min-support", "0.2",
                "--min-confidence", "0.5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("transactions").asInt()).as("9 orders less the cancelled and the refunded one")
                .isEqualTo(7);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"rfm", "clv", "segment", "churn", "rules"}) {
            CliRun run = CliRun.of("analytics", command, "--help");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Usage:").contains(command);
        }
    }

    @Test
    void emptyBasketFileIsAClearError(@TempDir Path folder) throws IOException {
        Path empty = Files.writeString(folder.resolve("empty.csv"), "");

        CliRun run = CliRun.of("analytics", "rules", "--baskets", empty.toString(), "--min-support", "0.1",
                "--min-confidence", "0.5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("empty file");
    }
}
