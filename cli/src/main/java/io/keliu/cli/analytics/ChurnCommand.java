package io.keliu.cli.analytics;

import io.keliu.analytics.churn.ChurnModel;
import io.keliu.analytics.io.CsvTable;
import io.keliu.cli.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keliu analytics churn}: trains churn models on labelled customers and scores others. */
@Command(name = "churn", mixinStandardHelpOptions = true,
        description = "Fits logistic regression, a decision tree and a random forest on a labelled CSV (numeric and"
                + " categorical columns; blanks are imputed and flagged), compares them on a stratified 25 %% hold-out"
                + " (AUC, accuracy, precision, recall, Brier score, reliability bins), keeps the best by AUC and"
                + " prints each scored customer's churn probability and top reasons.")
public final class ChurnCommand implements Callable<Integer> {

    @Option(names = "--train", required = true, description = "Labelled customers (CSV with a header line).")
    Path train;

    @Option(names = "--label", required = true, description = "Churn column: 1/0, yes/no or true/false.")
    String label;

    @Option(names = "--id", required = true, description = "Customer id column (not used as a feature).")
    String id;

    @Option(names = "--score", required = true, description = "Customers to score, with the training's columns.")
    Path score;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and the forest (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    CharsetOption encoding;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> document = Inputs.analyse(this::analyse);
        Json.print(spec.commandLine().getOut(), document);
        return 0;
    }

    private Map<String, Object> analyse() {
        CsvTable training = Inputs.csv(train, encoding.charset);
        CsvTable scoring = Inputs.csv(score, encoding.charset);
        ChurnModel model = ChurnModel.train(training, label, id, seed);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("model", model.modelName());
        document.put("validation", model.bestEvaluation().validation());
        document.put("candidates", model.evaluations());
        document.put("skippedUnlabelledRows", model.skippedRows());
        document.put("importance", model.importance().stream().limit(10).toList());
        document.put("predictions", model.score(scoring, id));
        return document;
    }
}
