package io.keliu.analytics.feedback;

import io.keliu.analytics.TestData;
import io.keliu.analytics.io.CsvTable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The hand-labelled feedback set (data/feedback/labelled_feedback.csv, see the README there): 200 texts about eight
 * problems, 120 in Chinese and 80 in English, plus 13 later texts by some of the same customers (8 repeats, 5 not).
 *
 * @param texts    every row, in file order
 * @param labels   each row's problem
 * @param repeatOf the feedback_id a row repeats, null when it repeats none
 * @param base     the 200 rows that are no follow-up of another row
 */
record LabelledFeedback(List<FeedbackText> texts, List<String> labels, List<String> repeatOf, List<Integer> base) {

    static LabelledFeedback load() {
        Path path = TestData.path("feedback/labelled_feedback.csv");
        List<FeedbackText> texts = new FeedbackCsv().read(path, StandardCharsets.UTF_8).texts();
        CsvTable table = CsvTable.read(path);
        int label = table.column("label");
        int repeat = table.column("repeat_of");
        int id = table.column("feedback_id");
        List<String> labels = new ArrayList<>();
        List<String> repeatOf = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            if (!table.rows().get(row)[id].equals(texts.get(row).feedbackId())) {
                throw new IllegalStateException("row " + row + " read differently by FeedbackCsv and CsvTable");
            }
            labels.add(table.rows().get(row)[label]);
            String original = table.rows().get(row)[repeat];
            repeatOf.add(original.isEmpty() ? null : original);
        }
        List<Integer> base = IntStream.range(0, texts.size()).filter(i -> isBase(texts.get(i))).boxed().toList();
        return new LabelledFeedback(texts, List.copyOf(labels), repeatOf, base);
    }

    /** The first 200 ids are the base set; the follow-ups were numbered after them. */
    private static boolean isBase(FeedbackText text) {
        return Integer.parseInt(text.feedbackId().substring(1)) <= 200;
    }

    static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * Mean precision at k of the most-similar list over the base texts: the share of each text's k most similar
     * other base texts (fewer when fewer share a term; the missing count as misses) that are about the same problem.
     */
    double precisionAt(int k, Tokenizer tokenizer, IntPredicate queries) {
        List<List<String>> tokens = base.stream().map(i -> tokenizer.tokens(texts.get(i).text())).toList();
        TfIdf model = TfIdf.fit(tokens);
        SimilarTexts index = SimilarTexts.of(tokens.stream().map(model::vector).toList());
        double sum = 0;
        int counted = 0;
        for (int q = 0; q < base.size(); q++) {
            if (!queries.test(base.get(q))) {
                continue;
            }
            String label = labels.get(base.get(q));
            long hits = index.nearest(q, k).stream().filter(n -> labels.get(base.get(n.text())).equals(label)).count();
            sum += (double) hits / k;
            counted++;
        }
        return sum / counted;
    }
}
