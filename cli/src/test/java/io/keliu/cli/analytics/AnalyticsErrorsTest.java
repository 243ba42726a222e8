package io.keliu.cli.analytics;

import io.keliu.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.keliu.cli.CliRun.data;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gives one "error: ..." line naming the problem, exit code 2 and nothing on stdout. */
class AnalyticsErrorsTest {

    @TempDir
    Path folder;

    @Test
    void missingColumn() {
        assertOneError(CliRun.of("analytics", "segment", "--input", data("Mall_Customers.csv"), "--features",
                "Age,Income"), "missing column 'Income'");
    }

    @Test
    void unparsableNumberNamesLineAndColumn() throws IOException {
        Path orders = write("orders.csv", """
                order_id,user_id,created_at,paid_at,product_id,quantity,amount
                1,u1,2024-01-01T10:00:00,,p,1,10
                2,u1,2024-01-02T10:00:00,,p,1,ten
                """);

        assertOneError(CliRun.of("analytics", "rfm", "--orders", orders.toString(), "--as-of", "2024-02-01"),
                "line 3, column amount: not a number: 'ten'");
    }

    @Test
    void unparsableDateInFileNamesLineAndColumn() throws IOException {
        Path orders = write("orders.csv", """
                order_id,user_id,created_at,paid_at,product_id,quantity,amount
                1,u1,01/02/2024,,p,1,10
                """);

        assertOneError(CliRun.of("analytics", "clv", "--orders", orders.toString(), "--calibration-end",
                "2024-02-01"), "line 2, column created_at");
    }

    @Test
    void unparsableDateOption() {
        assertOneError(CliRun.of("analytics", "rfm", "--orders", data("sample_orders.csv"), "--as-of", "31.03.2024"),
                "--as-of: not a date");
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = write("empty.csv", "");

        assertOneError(CliRun.of("analytics", "churn", "--train", empty.toString(), "--label", "Churn", "--id", "id",
                "--score", empty.toString()), "empty file");
    }

    @Test
    void headerOnlyFile() throws IOException {
        Path orders = write("orders.csv", "order_id,user_id,created_at,paid_at,product_id,quantity,amount\n");

        assertOneError(CliRun.of("analytics", "rfm", "--orders", orders.toString(), "--as-of", "2024-02-01"),
                "no order lines");
    }

    @Test
    void missingFile() {
        assertOneError(CliRun.of("analytics", "clv", "--cdnow", folder.resolve("nope.txt").toString(),
                "--calibration-end", "1997-09-30"), "no such file");
    }

    @Test
    void badCdnowLine() throws IOException {
        Path cdnow = write("cdnow.txt", " 00001 0001 19970101 1 10.00\n 00001 0001 1997-01-02 1 10.00\n");

        assertOneError(CliRun.of("analytics", "clv", "--cdnow", cdnow.toString(), "--calibration-end",
                "1997-09-30"), "line 2, column date");
    }

    @Test
    void unknownChurnLabel() throws IOException {
        Path train = write("train.csv", "id,x,churn\n1,1,yes\n2,2,no\n3,3,perhaps\n");

        assertOneError(CliRun.of("analytics", "churn", "--train", train.toString(), "--label", "churn", "--id", "id",
                "--score", train.toString()), "line 4, column churn");
    }

    @Test
    void supportOutOfRange() {
        assertOneError(CliRun.of("analytics", "rules", "--baskets", data("groceries.csv"), "--min-support", "0",
                "--min-confidence", "0.5"), "--min-support");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private static void assertOneError(CliRun run, String expected) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(expected);
    }
}
