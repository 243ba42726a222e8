package io.keliu.cli.analytics;

import io.keliu.cli.CliRun;
import io.keliu.cli.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** examples/orders-messy.csv, as the README offers it: every orders command gives results and a rejection report. */
class MessyOrdersExampleTest {

    private static final String MESSY = Path.of("..", "examples", "orders-messy.csv").toString();
    /** Bought twice, returned both purchases in separate refund orders. */
    private static final String REFUNDED_ALL = "18102";

    @Test
    void rfmNetsRefundsAndReportsTheBadRows() {
        CliRun run = CliRun.of("analytics", "rfm", "--orders", MESSY, "--as-of", "2025-06-30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertRejectionReport(run);
        JsonNode refunded = customer(run.json().get("scores"), REFUNDED_ALL);
        assertThat(refunded.get("monetary").asDouble()).isZero();
        assertThat(refunded.get("purchases").asInt()).isZero();
        assertThat(refunded.get("f").asInt()).isEqualTo(1);
    }

    @Test
    void clvDoesNotCountAFullyRefundedCustomerAsARepeatBuyer() {
        CliRun run = CliRun.of("analytics", "clv", "--orders", MESSY, "--calibration-end", "2025-06-30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertRejectionReport(run);
        JsonNode refunded = customer(run.json().get("customers"), REFUNDED_ALL);
        assertThat(refunded.get("frequency").asInt()).isZero();
        assertThat(refunded.get("monetaryValue").asDouble()).isZero();
        assertThat(run.json().at("/gammaGamma/repeatCustomers").asInt()).isPositive();
    }

    @Test
    void rulesMineTheUsableOrders() {
        CliRun run = CliRun.of("analytics", "rules", "--orders", MESSY, "--min-support", "0.05",
                "--min-confidence", "0.3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertRejectionReport(run);
        assertThat(run.json().get("ruleCount").asInt()).isPositive();
    }

    private static void assertRejectionReport(CliRun run) {
        JsonNode report = Json.MAPPER.readTree(run.err());
        assertThat(report.get("rejected").asInt()).as("rows; line 6 has two faults").isEqualTo(6);
        assertThat(report.at("/errors/2/line").asInt()).isEqualTo(7);
        assertThat(report.at("/errors/2/reason").asString()).startsWith("has 14 fields but the header has 13");
    }

    private static JsonNode customer(JsonNode rows, String id) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> row.get("customerId").asString().equals(id)).findFirst().orElseThrow();
    }
}
