package io.keliu.local.simulator;

import io.keliu.analytics.churn.ChurnScorer;
import io.keliu.analytics.churn.ServiceCase;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Purchase;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Topics;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Do the customer service features raise the churn model's held-out AUC on simulated customers? For each seed: a year
 * of the simulator's traffic (its generators, at {@link #EVENTS_PER_DAY} events a day, the service desk scaled alike),
 * read as ingest would (malformed records dropped, the newest version of each order line and case), turned into
 * purchases and cases, then analytics-core's churn model fitted without and with the feedback features on the same
 * customers and scored on held-out ones; beside it, the refit's own decision (validation AUC, minimum gain 0.005).
 * With the simulator's link between cases and lapsing ({@link Lapsing#USUAL}) and, to see where the decision turns, a
 * far stronger one. Prints Markdown for docs/profiles.md. Run by bench/feedback-churn.sh.
 */
public final class FeedbackChurnBenchmark {
    private static final int DAYS = 365;
    private static final int EVENTS_PER_DAY = 250;
    /** The local stack's history sends 2,000 events a day with the desk's full case rate. */
    private static final double FEEDBACK_SCALE = EVENTS_PER_DAY / 2000.0;
    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final double HELD_OUT = 0.3;
    private static final double MIN_AUC_GAIN = 0.005;

    private FeedbackChurnBenchmark() {
    }

    /** A link far stronger than the simulator's, to see where the decision turns: not the simulator's assumption. */
    private static final Lapsing STRONG = new Lapsing(0.1, 0.5, 5);

    /** @param args seeds of the simulator's link (default 5), seeds of the strong link (default 3) */
    public static void main(String[] args) {
        int usualSeeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int strongSeeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.println("| link | seed | customers (trained / held out) | churned | complained (of them churned) |"
                + " held-out AUC without | with | gain | refit's decision (validation AUC without → with) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (long seed = 1; seed <= usualSeeds; seed++) {
            measure("usual", Lapsing.USUAL, seed);
        }
        for (long seed = 1; seed <= strongSeeds; seed++) {
            measure("strong", STRONG, seed);
        }
    }

    private static void measure(String link, Lapsing lapsing, long seed) {
        Population population = simulate(seed, lapsing);
        LocalDate end = START.toLocalDate().plusDays(DAYS - 1);
        List<CustomerSummary> customers = CustomerSummaries.asOf(population.purchases(), end);
        double gap = medianGap(customers);
        ChurnScorer scorer = new ChurnScorer(3, 20_000, 42, MIN_AUC_GAIN);
        ChurnScorer.Comparison held = scorer.compareOnHeldOut(population.purchases(), population.cases(), end, gap,
                HELD_OUT);
        ChurnScorer.Feedback refit = scorer.score(population.purchases(), population.cases(), customers, end, gap)
                .feedback();
        System.out.printf(Locale.ROOT, "| %s | %d | %d / %d | %.1f %% | %.1f %% (%.1f %%) | %.4f | %.4f | %+.4f | %s"
                        + " (%.4f → %.4f) |%n", link, seed, held.trained(), held.heldOut(),
                100 * held.churnRate(), 100 * held.complainedShare(), 100 * held.churnRateOfComplainers(),
                held.aucWithout(), held.aucWith(), held.aucWith() - held.aucWithout(),
                refit.kept() ? "kept" : "left out", refit.aucWithout(), refit.aucWith());
    }

    record Population(List<Purchase> purchases, List<ServiceCase> cases) {
    }

    static Population simulate(long seed, Lapsing lapsing) {
        TrafficGenerator generator = new TrafficGenerator(seed, FEEDBACK_SCALE, lapsing);
        TrafficRhythm rhythm = new TrafficRhythm();
        Random times = new Random(seed);
        List<LocalDateTime> events = new ArrayList<>();
        for (int i = 0; i < DAYS * EVENTS_PER_DAY; i++) {
            events.add(rhythm.drawTime(times, START, START.plusDays(DAYS)));
        }
        events.sort(null);
        Map<String, JsonNode> newestLines = new LinkedHashMap<>();
        Map<String, JsonNode> newestCases = new LinkedHashMap<>();
        for (LocalDateTime time : events) {
            for (RawRecord record : generator.eventAt(time)) {
                if (!RawRecordCheck.isValid(record)) {
                    continue;
                }
                JsonNode fields = RawRecordCheck.parse(record);
                if (record.topic().equals(Topics.RAW_ORDERS)) {
                    newestLines.put(text(fields, "order_id") + "#" + text(fields, "line_no"), fields);
                } else if (record.topic().equals(Topics.RAW_FEEDBACK)) {
                    newestCases.put(text(fields, "feedback_id"), fields);
                }
            }
        }
        return new Population(purchases(newestLines.values()), cases(newestCases.values()));
    }

    /** One purchase per order of a known customer: its lines not cancelled, summed; orders netting nothing left out. */
    private static List<Purchase> purchases(Iterable<JsonNode> lines) {
        Map<String, Purchase> orders = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            if (text(line, "user_id").isEmpty() || line.get("cancelled").asBoolean()) {
                continue;
            }
            orders.merge(text(line, "order_id"), new Purchase(text(line, "user_id"), day(text(line, "created_at")),
                    line.get("quantity").asDouble(), line.get("amount").asDouble()),
                    (a, b) -> new Purchase(a.customerId(), a.day(), a.units() + b.units(), a.amount() + b.amount()));
        }
        return orders.values().stream().filter(p -> p.units() > 0).toList();
    }

    private static List<ServiceCase> cases(Iterable<JsonNode> newest) {
        List<ServiceCase> cases = new ArrayList<>();
        for (JsonNode c : newest) {
            if (text(c, "user_id").isEmpty()) {
                continue;
            }
            boolean resolved = FeedbackStatus.WORDS.lookup(text(c, "status")).orElseThrow() == FeedbackStatus.RESOLVED;
            String rating = text(c, "rating");
            cases.add(new ServiceCase(text(c, "user_id"), day(text(c, "created_at")),
                    FeedbackKind.WORDS.lookup(text(c, "kind")).orElseThrow() == FeedbackKind.COMPLAINT,
                    rating.isEmpty() ? null : Integer.valueOf(rating),
                    resolved ? day(text(c, "resolved_at")) : null));
        }
        return cases;
    }

    /** The median gap of repeat customers, as a refit computes it. */
    private static double medianGap(List<CustomerSummary> customers) {
        double[] gaps = customers.stream().filter(c -> c.frequency() > 0)
                .mapToDouble(c -> c.recencyWeeks() * 7 / c.frequency()).sorted().toArray();
        int m = gaps.length / 2;
        return gaps.length % 2 == 1 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
    }

    private static String text(JsonNode fields, String name) {
        return fields.hasNonNull(name) ? fields.get(name).asString() : "";
    }

    /** Raw timestamps are ISO-8601 local times, sometimes with +08:00: the day is their first ten characters. */
    private static LocalDate day(String timestamp) {
        return LocalDate.parse(timestamp.substring(0, 10));
    }
}
