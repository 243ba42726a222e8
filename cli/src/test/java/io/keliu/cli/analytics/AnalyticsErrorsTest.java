package io.keliu.cli.analytics;

import io.keliu.cli.CliRun;
import io.keliu.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.Charset;
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
    void badRowsAreSkippedAndReportedOnStderrAsJson() throws IOException {
        Path orders = write("orders.csv", """
                order_id,user_id,created_at,paid_at,product_id,quantity,amount
                1,u1,2024-01-01T10:00:00,,p,1,10
                2,u1,2024-01-02T10:00:00,,p,1,ten
                3,u2
                """);

        CliRun run = CliRun.of("analytics", "rfm", "--orders", orders.toString(), "--as-of", "2024-02-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("customers").asInt()).isEqualTo(1);
        JsonNode report = Json.MAPPER.readTree(run.err());
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.at("/errors/0/line").asInt()).isEqualTo(3);
        assertThat(report.at("/errors/0/field").asString()).isEqualTo("amount");
        assertThat(report.at("/errors/0/reason").asString()).isEqualTo("'ten' is not a number");
        assertThat(report.at("/errors/1/line").asInt()).isEqualTo(4);
        assertThat(report.at("/errors/1/reason").asString()).startsWith("has 2 fields but the header has 7");
    }

    @Test
    void strictRefusesAFileWithBadRows() throws IOException {
        Path orders = write("orders.csv", """
                order_id,user_id,created_at,paid_at,product_id,quantity,amount
                1,u1,2024-01-01T10:00:00,,p,1,10
                2,u1,2024-01-02T10:00:00,,p,1,ten
                """);

        CliRun run = CliRun.of("analytics", "rules", "--orders", orders.toString(), "--min-support", "0.5",
                "--min-confidence", "0.5", "--strict");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(2);
        assertThat(run.err().lines().toList().get(1)).startsWith("error: ").contains("1 rows were rejected")
                .contains("--strict");
    }

    @Test
    void aFileWithoutOneUsableRowIsRefused() throws IOException {
        Path orders = write("orders.csv", """
                order_id,user_id,created_at,paid_at,product_id,quantity,amount
                1,u1,01/02/2024,,p,1,10
                """);

        CliRun run = CliRun.of("analytics", "clv", "--orders", orders.toString(), "--calibration-end", "2024-02-01");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("\"line\":2,\"field\":\"created_at\"")
                .contains("error: " + orders + ": no usable order lines; all 1 rows were rejected");
    }

    @Test
    void wrongCharsetNamesTheLine() throws IOException {
        Path table = folder.resolve("gbk.csv");
        Files.write(table, "id,城市,x\n1,杭州,2\n".getBytes(Charset.forName("GBK")));

        assertOneError(CliRun.of("analytics", "segment", "--input", table.toString(), "--features", "x", "--k", "1"),
                table + ": line 1 is not valid UTF-8; try --charset GBK");
        CliRun gbk = CliRun.of("analytics", "segment", "--input", table.toString(), "--features", "x", "--k", "1",
                "--charset", "GBK");
        assertThat(gbk.exitCode()).as(gbk.err()).isZero();
    }

    @Test
    void tooManyRulesIsRefusedWithAdvice() throws IOException {
        Path baskets = write("baskets.csv", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p\n");

        assertOneError(CliRun.of("analytics", "rules", "--baskets", baskets.toString(), "--min-support", "1",
                "--min-confidence", "0", "--max-rules", "1000"), "more than 1000 rules at support 1 in 1 baskets");
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
                "no usable order lines");
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
