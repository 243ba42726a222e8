package io.keliu.cli.analytics;

import io.keliu.cli.Json;
import io.keliu.cli.KeliuCli;
import io.keliu.cli.UserInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ForecastCommandsTest {
    @TempDir
    static Path files;
    private static Path daily;
    private static Path hourly;

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return Json.MAPPER.readTree(out);
        }
    }

    @BeforeAll
    static void writeSeries() throws IOException {
        Random random = new Random(8);
        StringBuilder dailyCsv = new StringBuilder("date,value\n");
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (int t = 0; t < 500; t++) {
            LocalDate date = start.plusDays(t);
            double weekend = date.getDayOfWeek().getValue() >= 6 ? 1.5 : 1;
            long value = Math.round(200 * weekend + random.nextGaussian() * 10);
            dailyCsv.append(date).append(',').append(t == 480 ? 900 : value).append('\n');
        }
        daily = Files.writeString(files.resolve("daily.csv"), dailyCsv);
        StringBuilder hourlyCsv = new StringBuilder("timestamp,value\n");
        LocalDateTime monday = LocalDateTime.of(2024, 3, 4, 0, 0);
        for (int i = 0; i < 10 * 7 * 24; i++) {
            LocalDateTime time = monday.plusHours(i);
            double value = 10 + 50 * Math.exp(-Math.pow(time.getHour() - 18, 2) / 4) + random.nextGaussian();
            hourlyCsv.append(time).append(',').append(Math.round(value)).append('\n');
        }
        hourly = Files.writeString(files.resolve("hourly.csv"), hourlyCsv);
    }

    /** Runs {@code keliu analytics ...} in-process, with the same failure reporting as KeliuCli's main. */
    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KeliuCli())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    if (failure instanceof UserInputException) {
                        command.getErr().println("error: " + failure.getMessage());
                        return UserInputException.EXIT_CODE;
                    }
                    throw failure;
                });
        String[] full = new String[args.length + 1];
        full[0] = "analytics";
        System.arraycopy(args, 0, full, 1, args.length);
        int exitCode = cli.execute(full);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content);
    }

    @Test
    void forecastPrintsPointsIntervalsAndBacktestScores() {
        Run run = run("forecast", "--series", daily.toString(), "--horizon", "10", "--calendar", "none");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("model").asString()).isIn("naive", "ets", "regression", "combined");
        assertThat(json.get("forecast")).hasSize(10);
        JsonNode first = json.get("forecast").get(0);
        assertThat(first.get("date").asString()).isEqualTo("2024-05-15");
        assertThat(first.get("lower").asDouble()).isLessThanOrEqualTo(first.get("value").asDouble());
        assertThat(first.get("upper").asDouble()).isGreaterThanOrEqualTo(first.get("value").asDouble());
        assertThat(json.get("backtest").get("basis").asString()).isEqualTo("rolling-origin");
        assertThat(json.get("backtest").get("mase").asDouble()).isLessThan(json.get("backtest").get("naiveMase").asDouble());
    }

    @Test
    void holdoutForecastsExactlyTheHeldOutDates() {
        Run run = run("forecast", "--series", daily.toString(), "--holdout", "14", "--model", "ets");

        JsonNode json = run.json();
        assertThat(json.get("model").asString()).isEqualTo("ets");
        assertThat(json.get("forecast")).hasSize(14);
        assertThat(json.get("forecast").get(13).get("date").asString()).isEqualTo("2024-05-14");
        assertThat(json.get("backtest").get("basis").asString()).isEqualTo("holdout");
        assertThat(json.get("backtest").get("coverage").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void forecastComparesHolidaysWithLastYear() {
        Run run = run("forecast", "--series", daily.toString(), "--horizon", "30", "--model", "regression");

        JsonNode holidays = run.json().get("holidays");
        assertThat(holidays).isNotEmpty();
        JsonNode dragonBoat = holidays.get(0);
        assertThat(dragonBoat.get("holiday").asString()).isEqualTo("Dragon Boat");
        assertThat(dragonBoat.get("days").get(1).get("position").asString()).isEqualTo("Dragon Boat day 1");
        assertThat(dragonBoat.get("days").get(1).get("date").asString()).isEqualTo("2024-06-08");
        assertThat(dragonBoat.get("days").get(1).get("lastYearDate").asString()).isEqualTo("2023-06-22");
    }

    @Test
    void userHolidaysAreComparedWithLastYearToo() throws IOException {
        Path promotions = write("promotions.csv", "date,name\n2023-06-18,618\n2024-06-18,618\n");

        Run run = run("forecast", "--series", daily.toString(), "--horizon", "40", "--holidays", promotions.toString());

        assertThat(run.json().get("holidays").valueStream().map(h -> h.get("holiday").asString()))
                .contains("Dragon Boat", "618");
    }

    @Test
    void weatherRegressorsMustCoverTheForecastDays() throws IOException {
        StringBuilder weather = new StringBuilder("date,temperature,rain\n");
        LocalDate.of(2023, 1, 1).datesUntil(LocalDate.of(2024, 5, 20))
                .forEach(date -> weather.append(date).append(",20,0\n"));
        Path regressors = write("weather.csv", weather.toString());

        Run covered = run("forecast", "--series", daily.toString(), "--horizon", "5", "--model", "regression",
                "--regressors", regressors.toString());
        Run uncovered = run("forecast", "--series", daily.toString(), "--horizon", "7", "--model", "regression",
                "--regressors", regressors.toString());

        assertThat(covered.exitCode()).as(covered.err()).isZero();
        assertThat(covered.json().get("forecast")).hasSize(5);
        assertError(uncovered, "error: regressors have no complete row for forecast date 2024-05-20");
    }

    @Test
    void peaksReportsTheEveningPeakAndCapacityRisk() {
        Run run = run("peaks", "--series", hourly.toString(), "--capacity", "300", "--horizon", "7", "--model", "naive");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("weekdays")).hasSize(7);
        assertThat(json.get("weekdays").get(0).get("peakHours").get(0).asInt()).isEqualTo(18);
        assertThat(json.get("peakDays")).hasSize(7);
    }

    @Test
    void anomaliesFlagsTheSpikeAgainstTheWeeklyPattern() {
        Run run = run("anomalies", "--series", daily.toString());

        JsonNode anomalies = run.json().get("anomalies");
        assertThat(anomalies).hasSize(1);
        assertThat(anomalies.get(0).get("date").asString()).isEqualTo("2024-04-25");
    }

    @Test
    void anomaliesAgainstAForecastHaveASeverityInHalfWidths() {
        Run run = run("anomalies", "--series", daily.toString(), "--holdout", "30", "--calendar", "none");

        JsonNode anomalies = run.json().get("anomalies");
        assertThat(anomalies).isNotEmpty();
        JsonNode spike = anomalies.valueStream()
                .filter(a -> a.get("date").asString().equals("2024-04-25")).findFirst().orElseThrow();
        assertThat(spike.get("direction").asString()).isEqualTo("ABOVE");
        assertThat(spike.get("severity").asDouble()).isGreaterThan(5);
    }

    @Test
    void badInputGivesOneErrorLineAndExitCodeTwo() throws IOException {
        Path noValue = write("novalue.csv", "date,visitors\n2024-01-01,3\n");
        Path badNumber = write("badnumber.csv", "date,value\n2024-01-01,3\n2024-01-02,lots\n");
        Path badDate = write("baddate.csv", "# comment\ndate,value\n2024-01-01,3\n2024-02-30,4\n");
        Path empty = write("empty.csv", "");
        Path headerOnly = write("header.csv", "date,value\n");

        assertError(run("forecast", "--series", noValue.toString(), "--horizon", "7"),
                "error: " + noValue + ": missing column 'value' (columns: date, visitors)");
        assertError(run("forecast", "--series", badNumber.toString(), "--horizon", "7"),
                "error: " + badNumber + ", line 3, column value: not a number: 'lots'");
        assertError(run("anomalies", "--series", badDate.toString()),
                "error: " + badDate + ", line 4, column date: not a date (expected YYYY-MM-DD): '2024-02-30'");
        assertError(run("forecast", "--series", empty.toString(), "--horizon", "7"),
                "error: " + empty + ": empty file (no header line)");
        assertError(run("forecast", "--series", headerOnly.toString(), "--horizon", "7"),
                "error: " + headerOnly + ": no data rows (expected a header line and at least one row)");
        assertError(run("forecast", "--series", daily.toString(), "--horizon", "0"),
                "error: --horizon must be positive, got 0");
        assertError(run("forecast", "--series", files.resolve("absent.csv").toString(), "--horizon", "3"),
                "error: no such file: " + files.resolve("absent.csv"));
    }

    @Test
    void aSeriesTooShortForBacktestingIsAUserError() throws IOException {
        Path shortSeries = write("short.csv", "date,value\n2024-01-01,3\n2024-01-02,4\n");

        assertError(run("forecast", "--series", shortSeries.toString(), "--horizon", "7"),
                "error: a series of 2 days is too short to backtest a 7-day forecast; need at least 63 days");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"forecast", "peaks", "anomalies"}) {
            Run run = run(command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Usage:", "--series");
        }
    }

    private static void assertError(Run run, String message) {
        assertThat(run.exitCode()).isEqualTo(UserInputException.EXIT_CODE);
        assertThat(run.err().strip()).isEqualTo(message);
        assertThat(run.out()).isEmpty();
    }
}
