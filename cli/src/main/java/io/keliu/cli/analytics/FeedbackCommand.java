package io.keliu.cli.analytics;

import io.keliu.analytics.feedback.FeedbackAnalysis;
import io.keliu.analytics.feedback.FeedbackAnalysis.Settings;
import io.keliu.analytics.feedback.FeedbackCsv;
import io.keliu.analytics.feedback.FeedbackText;
import io.keliu.analytics.feedback.Tokenizer;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keliu analytics feedback}: topics of feedback texts, their repeats and each text's most similar ones. */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Groups feedback texts (Chinese or English) into topics by TF-IDF cosine similarity, in file"
                + " order: a text joins the most similar topic at --threshold or above, or starts a new one. Each"
                + " topic is labelled by its heaviest terms; a customer's repeat of an earlier text (--duplicate-"
                + "threshold, within --duplicate-days) counts once in distinctSize. Lists each text's most similar"
                + " texts. Method: docs/analytics.md, \"Feedback topics\".")
public final class FeedbackCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "Feedback CSV with a header: feedback_id and text"
            + " required; user_id and created_at used when present.")
    Path input;

    @Option(names = "--threshold", defaultValue = "" + Settings.TOPIC_THRESHOLD,
            description = "Cosine similarity at which a text joins a topic, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--duplicate-threshold", defaultValue = "" + Settings.DUPLICATE_THRESHOLD,
            description = "Cosine similarity at which a customer's text repeats their earlier one (default:"
                    + " ${DEFAULT-VALUE}).")
    double duplicateThreshold;

    @Option(names = "--duplicate-days", defaultValue = "7",
            description = "How many days apart a repeat may be (default: ${DEFAULT-VALUE}).")
    int duplicateDays;

    @Option(names = "--similar", defaultValue = "5",
            description = "Most similar texts listed per text; 0 for none (default: ${DEFAULT-VALUE}). The lists cost"
                    + " about the square of the number of texts: use 0 on files of more than some 10,000.")
    int similar;

    @Option(names = "--label-terms", defaultValue = "4", description = "Terms per topic label (default: ${DEFAULT-VALUE}).")
    int labelTerms;

    @Option(names = "--tokens", defaultValue = "words", description = "words (Chinese segmented by HanLP) or bigrams"
            + " (pairs of Chinese characters) (default: ${DEFAULT-VALUE}).")
    String tokens;

    @Option(names = "--strict", description = "Refuse the file (exit code 2) if any row is bad, instead of skipping"
            + " bad rows and reporting them on stderr.")
    boolean strict;

    @Mixin
    CharsetOption encoding;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(threshold > 0 && threshold <= 1) || !(duplicateThreshold > 0 && duplicateThreshold <= 1)) {
            throw new UserInputException("--threshold and --duplicate-threshold must be in (0, 1]");
        }
        if (duplicateDays < 0 || similar < 0 || labelTerms < 1) {
            throw new UserInputException("--duplicate-days and --similar must not be negative, --label-terms at"
                    + " least 1");
        }
        Tokenizer tokenizer = Inputs.analyse(() -> Tokenizer.named(tokens));
        FeedbackCsv.Result read = Inputs.analyse(() -> new FeedbackCsv().read(Inputs.existing(input),
                encoding.charset));
        OrderFiles.check(input, read.rejections(), read.texts().isEmpty(), "feedback texts", strict,
                spec.commandLine().getErr());
        Settings settings = new Settings(tokenizer, threshold, duplicateThreshold, Duration.ofDays(duplicateDays),
                similar, labelTerms);
        Json.print(spec.commandLine().getOut(), document(read.texts(), FeedbackAnalysis.analyse(read.texts(),
                settings)));
        return 0;
    }

    private static Map<String, Object> document(List<FeedbackText> texts, FeedbackAnalysis.Result result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("texts", texts.size());
        document.put("vocabulary", result.vocabulary());
        document.put("topicCount", result.topics().size());
        document.put("topics", result.topics().stream().map(FeedbackCommand::topic).toList());
        document.put("assignments", result.texts());
        return document;
    }

    private record Example(String feedbackId, String text) {
    }

    private static Map<String, Object> topic(FeedbackAnalysis.Topic topic) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("topic", topic.topic());
        row.put("label", topic.label());
        row.put("size", topic.size());
        row.put("distinctSize", topic.distinctSize());
        row.put("examples", topic.examples().stream()
                .map(text -> new Example(text.feedbackId(), text.text())).toList());
        return row;
    }
}
