package io.keliu.analytics.bench;

import io.keliu.analytics.TestData;
import io.keliu.analytics.baskets.Baskets;
import io.keliu.analytics.baskets.FpGrowth;
import io.keliu.analytics.baskets.RuleMiner;
import io.keliu.analytics.clv.BgNbdModel;
import io.keliu.analytics.clv.GammaGammaModel;
import io.keliu.analytics.clv.PurchaseHistories;
import io.keliu.analytics.clv.SimulatedCustomers;
import io.keliu.analytics.segments.Clustering;
import io.keliu.analytics.segments.KMeans;
import smile.association.ARM;
import smile.association.FPGrowth;
import smile.association.FPTree;
import smile.clustering.CentroidClustering;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static smile.math.special.Gamma.lgamma;

/**
 * Timings of the heavy analytics next to a reference, printed as Markdown rows for docs/benchmarks.md. Not a unit
 * test: run it with {@code bench/analytics-core.sh}. Each figure is the median of several runs after a warm-up run.
 */
public final class AnalyticsBenchmark {

    private static final int RUNS = 3;

    private AnalyticsBenchmark() {
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "cores: %d, max heap: %d MB, java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        System.out.println("| task | ours | reference | notes |");
        System.out.println("| --- | --- | --- | --- |");
        lifetimeModels();
        kMeans();
        fpGrowth();
    }

    private static void lifetimeModels() {
        BgNbdModel truePurchases = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        GammaGammaModel trueSpend = new GammaGammaModel(6.25, 3.74, 15.44);
        SimulatedCustomers customers = SimulatedCustomers.draw(1_000_000, truePurchases, trueSpend, 1);
        Timed<BgNbdModel.Fit> purchases = time(() -> BgNbdModel.fit(customers.histories()));
        Timed<GammaGammaModel.Fit> spend = time(() -> GammaGammaModel.fit(customers.spendHistories()));
        PurchaseHistories histories = customers.histories();
        Timed<Double> grouped = time(() -> truePurchases.logLikelihood(histories));
        Timed<Double> naive = time(() -> naiveLogLikelihood(truePurchases, customers));
        BgNbdModel fitted = purchases.value().model();
        GammaGammaModel fittedSpend = spend.value().model();
        row("BG/NBD fit, 1M simulated customers (grouping included)", purchases.seconds(), Double.NaN,
                String.format(Locale.ROOT, "%,d distinct (x, t_x, T) groups; r=%.3f alpha=%.3f a=%.3f b=%.3f "
                        + "(true 0.243, 4.414, 0.793, 2.426)", histories.groups(), fitted.r(), fitted.alpha(),
                        fitted.a(), fitted.b()));
        row("Gamma-Gamma fit, repeat customers of the same 1M", spend.seconds(), Double.NaN,
                String.format(Locale.ROOT, "%,d repeat customers; p=%.2f q=%.2f gamma=%.2f (true 6.25, 3.74, 15.44)",
                        spend.value().customers(), fittedSpend.p(), fittedSpend.q(), fittedSpend.gamma()));
        row("BG/NBD log-likelihood, one evaluation on 1M", grouped.seconds(), naive.seconds(),
                String.format(Locale.ROOT, "reference: naive per-customer lgamma formula; values %.1f vs %.1f",
                        grouped.value(), naive.value()));
    }

    private static void kMeans() {
        double[][] data = blobs(1_000_000, 6, 8, 3);
        Timed<Clustering> ours = time(() -> new KMeans(1, 100, 5).fit(data, 8));
        Timed<CentroidClustering<double[], double[]>> reference =
                time(() -> smile.clustering.KMeans.fit(data, 8, 100));
        Timed<Clustering> oursDefault = time(() -> KMeans.forRows(data.length, 5).fit(data, 8));
        row("k-means k=8, 1M x 6, one k-means++ start", ours.seconds(), reference.seconds(),
                String.format(Locale.ROOT, "reference: Smile KMeans.fit(data, 8, 100) (BBD tree); WSS %.6g vs %.6g",
                        ours.value().withinSumOfSquares(), reference.value().distortion() * data.length));
        row("k-means k=8, 1M x 6, default (best of 3 starts)", oursDefault.seconds(), Double.NaN,
                String.format(Locale.ROOT, "what `segment` runs on large inputs; WSS %.6g",
                        oursDefault.value().withinSumOfSquares()));
    }

    private static void fpGrowth() {
        Baskets groceries = Baskets.readBasketFile(TestData.path("groceries/groceries.csv"));
        int minCount = RuleMiner.of(0.001, 0.5).minCount(groceries.size());
        Timed<Integer> ours = time(() -> FpGrowth.mine(groceries, minCount, Integer.MAX_VALUE).size());
        Timed<Long> smileItemsets = time(() -> FPGrowth.apply(FPTree.of(minCount, groceries.transactions())).count());
        Timed<Integer> oursRules = time(() -> RuleMiner.of(0.001, 0.5).withMaxLength(10).mine(groceries).size());
        Timed<Long> smileRules = time(() -> ARM.apply(0.5, FPTree.of(minCount, groceries.transactions())).count());
        row("FP-growth, Groceries, support 0.001 (itemsets)", ours.seconds(), smileItemsets.seconds(),
                String.format(Locale.ROOT, "reference: Smile FPGrowth; %,d vs %,d frequent itemsets", ours.value(),
                        smileItemsets.value()));
        row("Rules, Groceries, support 0.001, confidence 0.5", oursRules.seconds(), smileRules.seconds(),
                String.format(Locale.ROOT, "reference: Smile ARM (all consequent sizes); %,d vs %,d rules",
                        oursRules.value(), smileRules.value()));
    }

    /** The BG/NBD log-likelihood written directly from the paper: four lgamma calls per customer. */
    private static double naiveLogLikelihood(BgNbdModel m, SimulatedCustomers c) {
        double sum = 0;
        for (int i = 0; i < c.x().length; i++) {
            int x = c.x()[i];
            double a1 = lgamma(m.r() + x) - lgamma(m.r()) + m.r() * Math.log(m.alpha());
            double a2 = lgamma(m.a() + m.b()) + lgamma(m.b() + x) - lgamma(m.b()) - lgamma(m.a() + m.b() + x);
            double a3 = -(m.r() + x) * Math.log(m.alpha() + c.T()[i]);
            double a4 = x > 0 ? Math.log(m.a()) - Math.log(m.b() + x - 1) - (m.r() + x) * Math.log(m.alpha()
                    + c.tx()[i]) : Double.NEGATIVE_INFINITY;
            sum += a1 + a2 + Math.log(Math.exp(a3) + Math.exp(a4));
        }
        return sum;
    }

    /** Gaussian blobs around random centres, unit spread, seeded. */
    private static double[][] blobs(int n, int d, int centres, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centre = new double[centres][d];
        for (double[] c : centre) {
            Arrays.setAll(c, j -> random.nextDouble(-10, 10));
        }
        double[][] data = new double[n][d];
        for (double[] row : data) {
            double[] c = centre[random.nextInt(centres)];
            for (int j = 0; j < d; j++) {
                row[j] = c[j] + gaussian(random);
            }
        }
        return data;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static void row(String task, double ours, double reference, String notes) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", task, seconds(ours), seconds(reference), notes);
        System.out.flush();
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f s", value);
    }

    private record Timed<T>(T value, double seconds) {
    }

    /** Median wall-clock time of {@link #RUNS} runs after one warm-up run. */
    private static <T> Timed<T> time(Supplier<T> task) {
        T value = task.get();
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            value = task.get();
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return new Timed<>(value, seconds[RUNS / 2]);
    }
}
