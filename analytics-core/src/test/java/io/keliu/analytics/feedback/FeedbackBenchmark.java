package io.keliu.analytics.feedback;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Topic assignment of 100,000 feedback texts (target: under 30 s), printed as Markdown rows for docs/benchmarks.md,
 * each beside a reference measured in the same run. The texts are the hand-labelled set's 200 texts varied: a
 * greeting, an order number, a second sentence from another text about the same problem, a closing request. Not a
 * unit test: run it with {@code bench/feedback.sh}, which also times the command line on the same texts.
 *
 * <p>Arguments: [count] [file to write the texts to as a feedback CSV].
 */
public final class FeedbackBenchmark {

    private static final int RUNS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] OPENINGS = {"", "", "你好，", "您好，", "客服你好，", "Hi, ", "Hello, ", "紧急！"};
    private static final String[] CLOSINGS = {"", "", "请尽快处理。", "希望尽快回复。", "谢谢。", "Please reply soon.",
        "Thanks.", "非常失望。", "I'm very disappointed."};

    private FeedbackBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Timed<Void> startUp = once(() -> Tokenizer.words().tokens("快递还没到"));
        Timed<Void> bigramStartUp = once(() -> Tokenizer.characterBigrams().tokens("快递还没到"));

        List<FeedbackText> texts = texts(LabelledFeedback.load(), count, 16);
        if (args.length > 1) {
            write(texts, Path.of(args[1]));
        }
        System.out.printf(Locale.ROOT, "cores: %d, max heap: %d MB, java %s; %,d texts of %.0f characters on"
                        + " average%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), texts.size(),
                texts.stream().mapToInt(t -> t.text().length()).average().orElse(0));
        System.out.println("| task | ours, wall | ours, CPU | reference, wall | reference, CPU | notes |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | --- |");
        row("first segmentation (loads HanLP's dictionaries)", startUp, bigramStartUp,
                "reference: the first character-bigram tokenisation");

        Timed<List<List<String>>> words = time(() -> tokenise(texts, Tokenizer.words()));
        Timed<List<List<String>>> bigrams = time(() -> tokenise(texts, Tokenizer.characterBigrams()));
        row("tokenise " + thousands(count) + " texts", words, bigrams, String.format(Locale.ROOT,
                "reference: character bigrams; %.1f vs %.1f tokens per text", mean(words.value()),
                mean(bigrams.value())));

        Timed<List<SparseVector>> vectors = time(() -> vectors(words.value()));
        Timed<List<SparseVector>> bigramVectors = time(() -> vectors(bigrams.value()));
        row("TF-IDF fit and vectors", vectors, bigramVectors, "reference: character bigrams");

        Timed<int[]> topics = time(() -> assign(vectors.value()));
        Timed<int[]> bigramTopics = time(() -> assign(bigramVectors.value()));
        row("assign to topics (threshold " + FeedbackAnalysis.Settings.TOPIC_THRESHOLD + ")", topics, bigramTopics,
                String.format(Locale.ROOT, "reference: character bigrams; %,d vs %,d topics",
                        Arrays.stream(topics.value()).max().orElse(-1) + 1,
                        Arrays.stream(bigramTopics.value()).max().orElse(-1) + 1));

        int[][] naive = new int[1][];
        Timed<Void> naiveTime = once(() -> naive[0] = NaiveClustering.assign(vectors.value(),
                FeedbackAnalysis.Settings.TOPIC_THRESHOLD));
        row("assign to topics, inverted index vs every topic", topics, naiveTime,
                "reference: the same rule comparing each text with every topic (one run); same topics: "
                        + Arrays.equals(naive[0], topics.value()));

        Timed<FeedbackAnalysis.Result> all = time(() -> FeedbackAnalysis.analyse(texts, settings(Tokenizer.words())));
        Timed<FeedbackAnalysis.Result> allBigrams = time(() -> FeedbackAnalysis.analyse(texts,
                settings(Tokenizer.characterBigrams())));
        row("whole analysis without similar lists (tokens, TF-IDF, topics, repeats)", all, allBigrams,
                String.format(Locale.ROOT, "reference: character bigrams; %,d topics, %,d of 3+ texts",
                        all.value().topics().size(),
                        all.value().topics().stream().filter(t -> t.size() >= 3).count()));
    }

    /** The labelled texts, varied: the same problems said in more ways, by 20,000 customers over 30 days. */
    static List<FeedbackText> texts(LabelledFeedback set, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<String>> byLabel = new HashMap<>();
        for (int i : set.base()) {
            byLabel.computeIfAbsent(set.labels().get(i), l -> new ArrayList<>()).add(set.texts().get(i).text());
        }
        List<Integer> base = set.base();
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        List<FeedbackText> texts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int row = base.get(random.nextInt(base.size()));
            String text = set.texts().get(row).text();
            List<String> same = byLabel.get(set.labels().get(row));
            StringBuilder varied = new StringBuilder(OPENINGS[random.nextInt(OPENINGS.length)]).append(text);
            if (random.nextInt(3) == 0) {
                varied.append(' ').append(same.get(random.nextInt(same.size())));
            }
            if (random.nextInt(4) == 0) {
                varied.append(LabelledFeedback.isChinese(text) ? " 订单号" : " Order ").append(random.nextInt(1_000_000));
            }
            varied.append(' ').append(CLOSINGS[random.nextInt(CLOSINGS.length)]);
            texts.add(new FeedbackText("B" + n, "U" + random.nextInt(20_000),
                    start.plusSeconds(30L * 24 * 3600 * n / count), varied.toString().strip()));
        }
        return texts;
    }

    private static void write(List<FeedbackText> texts, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println("feedback_id,user_id,kind,text,created_at");
            for (FeedbackText text : texts) {
                out.println(text.feedbackId() + "," + text.userId() + ",COMPLAINT,\"" + text.text().replace("\"", "\"\"")
                        + "\"," + text.createdAt());
            }
        }
    }

    private static FeedbackAnalysis.Settings settings(Tokenizer tokenizer) {
        FeedbackAnalysis.Settings defaults = FeedbackAnalysis.Settings.defaults();
        return new FeedbackAnalysis.Settings(tokenizer, defaults.topicThreshold(), defaults.duplicateThreshold(),
                defaults.duplicateWindow(), 0, defaults.labelTerms());
    }

    private static List<List<String>> tokenise(List<FeedbackText> texts, Tokenizer tokenizer) {
        return texts.stream().map(t -> tokenizer.tokens(t.text())).toList();
    }

    private static List<SparseVector> vectors(List<List<String>> tokens) {
        TfIdf model = TfIdf.fit(tokens);
        return tokens.stream().map(model::vector).toList();
    }

    private static int[] assign(List<SparseVector> vectors) {
        TopicClustering clustering = new TopicClustering(FeedbackAnalysis.Settings.TOPIC_THRESHOLD);
        return vectors.stream().mapToInt(clustering::assign).toArray();
    }

    private static double mean(List<List<String>> tokens) {
        return tokens.stream().mapToInt(List::size).average().orElse(0);
    }

    /** The clustering rule written plainly: every text compared with every topic's centroid. */
    private static final class NaiveClustering {
        static int[] assign(List<SparseVector> vectors, double threshold) {
            List<Map<Integer, Double>> sums = new ArrayList<>();
            List<double[]> squares = new ArrayList<>();
            int[] topicOf = new int[vectors.size()];
            for (int i = 0; i < vectors.size(); i++) {
                SparseVector v = vectors.get(i);
                if (v.isEmpty()) {
                    topicOf[i] = TopicClustering.NONE;
                    continue;
                }
                int best = TopicClustering.NONE;
                double bestSimilarity = 0;
                for (int t = 0; t < sums.size(); t++) {
                    double dot = 0;
                    for (int k = 0; k < v.size(); k++) {
                        dot += v.weights()[k] * sums.get(t).getOrDefault(v.terms()[k], 0.0);
                    }
                    double similarity = dot / Math.sqrt(squares.get(t)[0]);
                    if (similarity > bestSimilarity) {
                        best = t;
                        bestSimilarity = similarity;
                    }
                }
                if (best == TopicClustering.NONE || bestSimilarity < threshold) {
                    sums.add(new HashMap<>());
                    squares.add(new double[1]);
                    best = sums.size() - 1;
                }
                for (int k = 0; k < v.size(); k++) {
                    double before = sums.get(best).getOrDefault(v.terms()[k], 0.0);
                    double w = v.weights()[k];
                    sums.get(best).put(v.terms()[k], before + w);
                    squares.get(best)[0] += 2 * before * w + w * w;
                }
                topicOf[i] = best;
            }
            return topicOf;
        }
    }

    private static String thousands(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void row(String task, Timed<?> ours, Timed<?> reference, String notes) {
        System.out.printf(Locale.ROOT, "| %s | %.3f s | %.3f s | %.3f s | %.3f s | %s |%n", task, ours.seconds(),
                ours.cpuSeconds(), reference.seconds(), reference.cpuSeconds(), notes);
        System.out.flush();
    }

    /** @param cpuSeconds the CPU time of the thread that ran the task (the work is single-threaded) */
    private record Timed<T>(T value, double seconds, double cpuSeconds) {
    }

    /**
     * Median wall-clock and CPU time of {@link #RUNS} runs after one warm-up run; the CPU time says what the work
     * costs when other processes share the cores.
     */
    private static <T> Timed<T> time(Supplier<T> task) {
        T value = task.get();
        double[] seconds = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            value = task.get();
            seconds[run] = (System.nanoTime() - start) / 1e9;
            cpu[run] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        return new Timed<>(value, seconds[RUNS / 2], cpu[RUNS / 2]);
    }

    private static Timed<Void> once(Runnable task) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        task.run();
        return new Timed<>(null, (System.nanoTime() - start) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }
}
