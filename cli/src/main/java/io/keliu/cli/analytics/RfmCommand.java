package io.keliu.cli.analytics;

import io.keliu.analytics.clv.ValueScore;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.OrdersCsv;
import io.keliu.analytics.rfm.RfmAnalysis;
import io.keliu.analytics.rfm.RfmScore;
import io.keliu.analytics.rfm.RfmWeights;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code keliu analytics rfm}: recency, frequency and monetary scores and named segments per customer. */
@Command(name = "rfm", mixinStandardHelpOptions = true,
        description = "RFM quintile scores (1-5, recent = 5), cells, named segments and a weighted score per customer,"
                + " plus the value score 0.4*quantity + 0.3*value + 0.3*loyalty on percentile ranks."
                + " Refunds and cancellations are netted (docs/analytics.md); anonymous orders are left out."
                + " Bad rows are skipped and reported on stderr as JSON.")
public final class RfmCommand implements Callable<Integer> {

    @Option(names = "--orders", required = true, description = "Orders CSV (one row per order line).")
    Path orders;

    @Option(names = "--as-of", required = true, description = "Score as of this day (YYYY-MM-DD); later orders are ignored.")
    String asOf;

    @Option(names = "--weights", split = ",", defaultValue = "0.3,0.3,0.4",
            description = "Weights of R, F and M in the weighted score, applied to the 1-5 scores (default: ${DEFAULT-VALUE}).")
    double[] weights;

    @Mixin
    CharsetOption encoding;

    @Mixin
    OrderFiles orderFiles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate day = Inputs.date(asOf, "--as-of");
        if (weights.length != 3) {
            throw new UserInputException("--weights needs three numbers: R,F,M");
        }
        RfmWeights rfmWeights = Inputs.analyse(() -> new RfmWeights(weights[0], weights[1], weights[2]));
        OrdersCsv.Result read = orderFiles.read(orders, encoding.charset, spec.commandLine().getErr());
        List<CustomerSummary> customers = Inputs.analyse(() -> CustomerSummaries.fromOrderLines(read.lines(),
                OrdersCsv.SHOP_ZONE, day));
        List<RfmScore> scores = RfmAnalysis.score(customers, rfmWeights);
        double[] valueScores = ValueScore.DEFAULT.score(customers);
        Map<String, Long> segmentSizes = new TreeMap<>();
        scores.forEach(score -> segmentSizes.merge(score.segment().label(), 1L, Long::sum));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asOf", day.toString());
        document.put("customers", scores.size());
        document.put("weights", rfmWeights);
        document.put("segments", segmentSizes);
        document.put("scores", IntStream.range(0, scores.size())
                .mapToObj(i -> row(scores.get(i), valueScores[i])).toList());
        Json.print(spec.commandLine().getOut(), document);
        return 0;
    }

    private static Map<String, Object> row(RfmScore score, double valueScore) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customerId", score.customerId());
        row.put("recencyDays", score.daysSinceLastPurchase());
        row.put("purchases", score.purchases());
        row.put("monetary", score.monetaryValue());
        row.put("r", score.r());
        row.put("f", score.f());
        row.put("m", score.m());
        row.put("cell", score.cell());
        row.put("segment", score.segment().label());
        row.put("advice", score.segment().advice());
        row.put("weightedScore", score.weightedScore());
        row.put("valueScore", valueScore);
        return row;
    }
}
