package io.keliu.local.simulator;

import io.keliu.contracts.v1.FeedbackChannel;
import io.keliu.contracts.v1.FeedbackKind;
import io.keliu.contracts.v1.FeedbackStatus;
import io.keliu.contracts.v1.Topics;
import io.keliu.local.simulator.FeedbackTexts.Problem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The shop's service desk: inquiries, feedback, complaints and praise about recent orders, in Chinese and English,
 * and the later versions of open cases (in progress, resolved). Cases come at a daily rate that follows the shop's
 * rhythm, whatever the order rate, so that a day of history and a day of live traffic hold as many. Every day from
 * 09:00 to 21:00 one problem spikes in one province (late deliveries in 广东省 one day, wrong sizes in 浙江省 the
 * next …), so that a complaint spike is always within the last 24 hours while each problem's usual daily count stays
 * that of the days it does not spike.
 *
 * <p>Customers about to lapse complain more before they go: the last order of a customer who lapses after it
 * ({@link SimulatedOrder#lastBeforeLapsing}) is {@link Lapsing#lastOrderComplaintWeight()} times as likely as another
 * recent order to be the one a complaint is about. Every complaint and every rating of 1–2 is told to the customer
 * pool, where it makes lapsing likelier.
 */
final class FeedbackGenerator {
    /** New cases per day, on average over a week. */
    static final double CASES_PER_DAY = 120;
    /** Extra complaints about the day's spike problem from the spike province, over the spike hours. */
    static final double SPIKE_COMPLAINTS = 60;
    static final int SPIKE_FROM_HOUR = 9;
    static final int SPIKE_TO_HOUR = 21;
    static final List<Spike> SPIKES = List.of(new Spike(Problem.LATE_DELIVERY, "广东省"),
            new Spike(Problem.WRONG_SIZE, "浙江省"), new Spike(Problem.REFUND_SLOW, "上海市"),
            new Spike(Problem.DAMAGED, "四川省"));

    private static final int MAX_OPEN_CASES = 400;
    private static final int REMEMBERED_COMPLAINTS = 50;
    /**
     * Next steps of open cases per new case: a little more than the 1.25 the mix of kinds needs, so that the desk
     * keeps up, a case waiting a day or two for each step.
     */
    private static final double FOLLOW_UPS_PER_CASE = 1.3;
    /** Chance that a complaint repeats an earlier one of the same customer: a near duplicate. */
    private static final double REPEAT_SHARE = 0.06;
    private static final double ENGLISH_SHARE = 0.3;
    private static final Weighted<FeedbackKind> KINDS = Weighted.<FeedbackKind>of().add(40, FeedbackKind.COMPLAINT)
            .add(30, FeedbackKind.INQUIRY).add(15, FeedbackKind.FEEDBACK).add(15, FeedbackKind.PRAISE);
    private static final Weighted<Problem> PROBLEMS = Weighted.<Problem>of().add(25, Problem.LATE_DELIVERY)
            .add(15, Problem.WRONG_SIZE).add(15, Problem.REFUND_SLOW).add(15, Problem.DAMAGED)
            .add(15, Problem.POOR_QUALITY).add(15, Problem.SLOW_SERVICE);
    private static final Weighted<FeedbackChannel> CHANNELS = Weighted.<FeedbackChannel>of()
            .add(25, FeedbackChannel.APP).add(25, FeedbackChannel.WECHAT).add(20, FeedbackChannel.PHONE)
            .add(10, FeedbackChannel.EMAIL).add(8, FeedbackChannel.PC).add(7, FeedbackChannel.MOBILE)
            .add(5, FeedbackChannel.STORE);

    /** The problem that spikes on a day, and where. */
    record Spike(Problem problem, String province) {
    }

    /** A case as the desk holds it, so that its later versions repeat its fields. */
    private record Case(String feedbackId, String userId, String orderId, FeedbackKind kind, FeedbackChannel channel,
                        Integer rating, String text, LocalDateTime createdAt, FeedbackStatus status, boolean english,
                        Problem problem) {
        Case next(FeedbackStatus next) {
            return new Case(feedbackId, userId, orderId, kind, channel, rating, text, createdAt, next, english,
                    problem);
        }
    }

    private final String runTag;
    private final List<SimulatedOrder> recentOrders;
    private final Consumer<String> badExperiences;
    private final double casesPerDay;
    private final double spikeComplaints;
    private final double lastOrderComplaintWeight;
    private final TrafficRhythm rhythm = new TrafficRhythm();
    private final List<Case> openCases = new ArrayList<>();
    private final List<Case> recentComplaints = new ArrayList<>();
    private LocalDateTime last;
    private double casesOwed;
    private double spikeComplaintsOwed;
    private double followUpsOwed;
    private long sequence;

    /**
     * @param recentOrders   the orders the shop sent lately, which cases are about; kept up to date by the caller
     * @param badExperiences told the user id of every complaint and every rating of 1–2
     * @param scale          of the daily case and spike counts: 1 for the shop's usual traffic, less for a run
     *                       that sends fewer orders a day
     */
    FeedbackGenerator(String runTag, List<SimulatedOrder> recentOrders, Consumer<String> badExperiences,
                      double scale, Lapsing lapsing) {
        this.lastOrderComplaintWeight = lapsing.lastOrderComplaintWeight();
        this.runTag = runTag;
        this.recentOrders = recentOrders;
        this.badExperiences = badExperiences;
        this.casesPerDay = CASES_PER_DAY * scale;
        this.spikeComplaints = SPIKE_COMPLAINTS * scale;
    }

    /** The day's spike while it lasts, else empty. */
    static Optional<Spike> spikeAt(LocalDateTime time) {
        if (time.getHour() < SPIKE_FROM_HOUR || time.getHour() >= SPIKE_TO_HOUR) {
            return Optional.empty();
        }
        return Optional.of(spikeOn(time.toLocalDate()));
    }

    static Spike spikeOn(LocalDate day) {
        return SPIKES.get((int) Math.floorMod(day.toEpochDay(), SPIKES.size()));
    }

    /** The records of the cases due since the last call (none on the first call, or when time has not moved on). */
    List<Draft> due(LocalDateTime time, RandomGenerator random) {
        if (last == null) {
            last = time;
            return List.of();
        }
        if (!time.isAfter(last)) {
            return List.of();
        }
        double days = Duration.between(last, time).toMillis() / 86_400_000.0;
        last = time;
        casesOwed += casesPerDay * days * rhythm.relativeIntensity(time);
        Optional<Spike> spike = spikeAt(time);
        if (spike.isPresent()) {
            spikeComplaintsOwed += spikeComplaints * days * 24 / (SPIKE_TO_HOUR - SPIKE_FROM_HOUR);
        }
        List<Draft> drafts = new ArrayList<>();
        for (; casesOwed >= 1; casesOwed--) {
            followUpsOwed = openCases.isEmpty() ? 0 : followUpsOwed + FOLLOW_UPS_PER_CASE;
            for (; followUpsOwed >= 1 && !openCases.isEmpty(); followUpsOwed--) {
                drafts.add(followUp(time, random));
            }
            drafts.add(draft(newCase(time, random, null), null, random));
        }
        for (; spikeComplaintsOwed >= 1; spikeComplaintsOwed--) {
            drafts.add(draft(newCase(time, random, spike.orElseThrow()), null, random));
        }
        return drafts;
    }

    private Case newCase(LocalDateTime time, RandomGenerator random, Spike spike) {
        FeedbackKind kind = spike != null ? FeedbackKind.COMPLAINT : KINDS.draw(random);
        if (kind == FeedbackKind.COMPLAINT && spike == null && !recentComplaints.isEmpty()
                && random.nextDouble() < REPEAT_SHARE) {
            return remember(repeat(recentComplaints.get(random.nextInt(recentComplaints.size())), time, random));
        }
        Problem problem = kind != FeedbackKind.COMPLAINT ? null
                : spike != null ? spike.problem() : PROBLEMS.draw(random);
        Optional<SimulatedOrder> order = aboutOrder(kind, problem, spike, random);
        boolean english = random.nextDouble() < ENGLISH_SHARE;
        String orderId = order.map(o -> o.orderId).orElse(null);
        String userId = order.map(o -> o.userId).orElseGet(() -> someCustomer(random));
        String text = switch (kind) {
            case COMPLAINT -> FeedbackTexts.complaint(problem, english, orderId, random);
            case INQUIRY -> FeedbackTexts.write(english ? FeedbackTexts.INQUIRIES_EN : FeedbackTexts.INQUIRIES_ZH,
                    orderId, random);
            case FEEDBACK -> FeedbackTexts.write(english ? FeedbackTexts.SUGGESTIONS_EN
                    : FeedbackTexts.SUGGESTIONS_ZH, orderId, random);
            case PRAISE -> FeedbackTexts.write(english ? FeedbackTexts.PRAISE_EN : FeedbackTexts.PRAISE_ZH, orderId,
                    random);
        };
        FeedbackStatus status = kind == FeedbackKind.PRAISE ? FeedbackStatus.RESOLVED : FeedbackStatus.OPEN;
        return remember(new Case(nextId(), userId, orderId, kind, CHANNELS.draw(random), rating(kind, random), text,
                createdAt(time, random), status, english, problem));
    }

    /** The same customer complains again about the same thing: the same text, or nearly. */
    private Case repeat(Case earlier, LocalDateTime time, RandomGenerator random) {
        String again = random.nextBoolean() ? earlier.text()
                : (earlier.english() ? "Second time asking! " : "再次投诉：") + earlier.text();
        return new Case(nextId(), earlier.userId(), earlier.orderId(), FeedbackKind.COMPLAINT, CHANNELS.draw(random),
                1, again, createdAt(time, random), FeedbackStatus.OPEN, earlier.english(), earlier.problem());
    }

    private Case remember(Case created) {
        boolean bad = created.kind() == FeedbackKind.COMPLAINT || created.rating() != null && created.rating() <= 2;
        if (bad && !created.userId().isEmpty()) {
            badExperiences.accept(created.userId());
        }
        if (created.status() != FeedbackStatus.RESOLVED) {
            keep(openCases, created, MAX_OPEN_CASES);
        }
        if (created.kind() == FeedbackKind.COMPLAINT && !created.userId().isEmpty()) {
            keep(recentComplaints, created, REMEMBERED_COMPLAINTS);
        }
        return created;
    }

    /** The next step of an open case: complaints go through IN_PROGRESS, other cases are answered at once. */
    private Draft followUp(LocalDateTime time, RandomGenerator random) {
        Case open = openCases.get(random.nextInt(openCases.size()));
        boolean inProgress = open.kind() == FeedbackKind.COMPLAINT && open.status() == FeedbackStatus.OPEN;
        Case next = open.next(inProgress ? FeedbackStatus.IN_PROGRESS : FeedbackStatus.RESOLVED);
        openCases.remove(open);
        if (inProgress) {
            openCases.add(next);
        }
        return draft(next, time, random);
    }

    /**
     * An order the case is about: complaints nearly always name one (a wrong size one with clothes or shoes, a spike
     * complaint one from the spike province), other cases sometimes.
     */
    private Optional<SimulatedOrder> aboutOrder(FeedbackKind kind, Problem problem, Spike spike,
                                                RandomGenerator random) {
        double share = switch (kind) {
            case COMPLAINT -> 0.95;
            case PRAISE -> 0.6;
            default -> 0.4;
        };
        if (recentOrders.isEmpty() || random.nextDouble() >= share) {
            return Optional.empty();
        }
        Predicate<SimulatedOrder> fits = spike != null ? order -> order.region.province().equals(spike.province())
                : problem == Problem.WRONG_SIZE ? order -> order.lines.stream()
                        .anyMatch(line -> line.product().category().equals("服装鞋帽"))
                : order -> true;
        List<SimulatedOrder> candidates = recentOrders.stream().filter(fits).toList();
        List<SimulatedOrder> from = candidates.isEmpty() ? recentOrders : candidates;
        return Optional.of(kind == FeedbackKind.COMPLAINT ? towardsLapsing(from, random)
                : from.get(random.nextInt(from.size())));
    }

    /** An order drawn with a lapsing customer's last one weighing {@link #lastOrderComplaintWeight}, others 1. */
    private SimulatedOrder towardsLapsing(List<SimulatedOrder> orders, RandomGenerator random) {
        double total = 0;
        for (SimulatedOrder order : orders) {
            total += order.lastBeforeLapsing ? lastOrderComplaintWeight : 1;
        }
        double draw = random.nextDouble(total);
        for (SimulatedOrder order : orders) {
            draw -= order.lastBeforeLapsing ? lastOrderComplaintWeight : 1;
            if (draw < 0) {
                return order;
            }
        }
        return orders.getLast();
    }

    /** Someone asking before or without an order: a recent buyer, or a caller with no account (empty). */
    private String someCustomer(RandomGenerator random) {
        if (recentOrders.isEmpty() || random.nextDouble() < 0.3) {
            return "";
        }
        return recentOrders.get(random.nextInt(recentOrders.size())).userId;
    }

    private static Integer rating(FeedbackKind kind, RandomGenerator random) {
        double draw = random.nextDouble();
        return switch (kind) {
            case COMPLAINT -> draw < 0.2 ? null : draw < 0.7 ? 1 : draw < 0.92 ? 2 : 3;
            case INQUIRY -> draw < 0.7 ? null : 3 + random.nextInt(3);
            case FEEDBACK -> draw < 0.3 ? null : 3 + random.nextInt(2);
            case PRAISE -> draw < 0.8 ? 5 : 4;
        };
    }

    private static LocalDateTime createdAt(LocalDateTime time, RandomGenerator random) {
        return time.minusSeconds(random.nextInt(60)).withNano(0);
    }

    private String nextId() {
        return "FB-" + runTag + "-" + String.format("%06d", ++sequence);
    }

    /** @param updatedAt null on the first version of the case */
    private static Draft draft(Case c, LocalDateTime updatedAt, RandomGenerator random) {
        LocalDateTime resolvedAt = c.status() != FeedbackStatus.RESOLVED ? null
                : updatedAt != null ? updatedAt : c.createdAt();
        return Draft.of(Topics.RAW_FEEDBACK, c.feedbackId())
                .put("feedback_id", c.feedbackId())
                .put("user_id", c.userId())
                .put("order_id", c.orderId() == null ? "" : c.orderId())
                .put("kind", SourceWords.write(c.kind(), random))
                .put("channel", SourceWords.write(c.channel(), random))
                .put("rating", c.rating() == null ? "" : c.rating())
                .put("text", c.text())
                .put("created_at", Timestamps.write(c.createdAt(), random))
                .put("status", SourceWords.write(c.status(), random))
                .put("resolved_at", resolvedAt == null ? "" : Timestamps.write(resolvedAt, random))
                .put("updated_at", updatedAt == null ? "" : Timestamps.write(updatedAt, random));
    }

    private static <T> void keep(List<T> list, T item, int max) {
        if (list.size() >= max) {
            list.removeFirst();
        }
        list.add(item);
    }
}
